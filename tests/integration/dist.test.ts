/** @jest-environment node */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesBelow(p) : [p];
  });
}

/** Every secureJsonData value in the provisioning files: none may reach the browser bundle. */
function provisionedSecrets(): string[] {
  const dirs = ['provisioning/datasources', 'provisioning-compose/datasources']
    .map((d) => path.join(root, d))
    .filter(existsSync);
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => {
        const doc = parse(readFileSync(path.join(d, f), 'utf8')) as {
          datasources?: Array<{ secureJsonData?: Record<string, string> }>;
        };
        return (doc.datasources ?? []).flatMap((ds) => Object.values(ds.secureJsonData ?? {}));
      })
  );
}

/** Packages a production install has: runtime dependencies and what they pull in, never dev tools. */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return new Set(
    Object.entries(lock.packages)
      .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev)
      .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length))
  );
}

describe('the built dist/', () => {
  beforeAll(() => {
    if (!existsSync(path.join(dist, 'module.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first');
    }
  });

  it.each([
    ['plugin.json', 'faultline-app', 'app'],
    ['datasource/plugin.json', 'faultline-datasource', 'datasource'],
    ['panels/flowgraph/plugin.json', 'faultline-flowgraph-panel', 'panel'],
    ['panels/ownership/plugin.json', 'faultline-ownership-panel', 'panel'],
  ])('%s carries id %s, a module and a logo', (file, id, type) => {
    const json = JSON.parse(readFileSync(path.join(dist, file), 'utf8'));
    expect(json).toMatchObject({ id, type });
    expect(existsSync(path.join(dist, path.dirname(file), 'module.js'))).toBe(true);
    expect(existsSync(path.join(dist, path.dirname(file), json.info.logos.small))).toBe(true);
    expect(json.info.version).not.toContain('%');
  });

  it('lists every nested plugin in the app includes', () => {
    const app = JSON.parse(readFileSync(path.join(dist, 'plugin.json'), 'utf8'));
    const paths = app.includes.map((i: { path?: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['datasource/plugin.json', 'panels/flowgraph/plugin.json', 'panels/ownership/plugin.json'])
    );
  });

  it('holds every screenshot plugin.json names, as a PNG (the plugin catalog shows them)', () => {
    const app = JSON.parse(readFileSync(path.join(dist, 'plugin.json'), 'utf8'));
    expect(app.info.screenshots.length).toBeGreaterThan(0);
    for (const s of app.info.screenshots as Array<{ name: string; path: string }>) {
      expect(s.name.trim()).not.toBe('');
      expect(readFileSync(path.join(dist, s.path)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('ships no test fixtures', () => {
    expect(
      filesBelow(dist).filter((f) => /(^|\/)(fixtures|__fixtures__|testdata)\//.test(path.relative(dist, f)))
    ).toEqual([]);
  });

  it('contains no secret from the provisioning files', () => {
    const secrets = provisionedSecrets();
    expect(secrets.length).toBeGreaterThan(0);
    const leaks = filesBelow(dist).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return secrets.filter((s) => text.includes(s)).map((s) => `${path.relative(dist, f)} contains "${s}"`);
    });
    expect(leaks).toEqual([]);
  });

  it('bundles only production dependencies, no dev-only code', () => {
    const production = productionPackages();
    const bundled = new Set<string>();
    for (const map of filesBelow(dist).filter((f) => f.endsWith('.js.map'))) {
      for (const source of JSON.parse(readFileSync(map, 'utf8')).sources as string[]) {
        const m = source.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)\//); // a file inside a package, not a virtual module
        if (m) {
          bundled.add(m[1]);
        }
      }
    }
    expect([...bundled].filter((name) => !production.has(name))).toEqual([]);
  });
});
