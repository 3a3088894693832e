/** @jest-environment node */
import { BadResponseError } from '../../../../model';
import { locationTargets, normalizePath } from './client';
import { MAX_FILE_CHARS, nestingDepth, parseCatalogFile } from './parse';

describe('parseCatalogFile', () => {
  it('reads every document of a multi-document file and skips empty ones', () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n---\n---\nkind: Group\nmetadata:\n  name: g\n';
    expect(parseCatalogFile(text, '/c.yaml').map((e) => e.metadata?.name)).toEqual(['a', 'g']);
  });

  it('refuses a YAML bomb (nested aliases) with a clear error instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `kind: Component\nmetadata:\n  name: bomb\nspec:\n  ${levels.join('\n  ')}\n`;
    expect(() => parseCatalogFile(bomb, '/bomb.yaml')).toThrow(
      'Catalog files: /bomb.yaml expands YAML aliases excessively (a "YAML bomb"); refusing to read it'
    );
  });

  it('still reads the few aliases hand-written catalogs use', () => {
    const text = 'kind: Component\nmetadata:\n  name: a\n  labels: &l\n    tier: "1"\nspec:\n  copy: *l\n';
    expect(parseCatalogFile(text, '/a.yaml')[0].spec?.copy).toEqual({ tier: '1' });
  });

  it('refuses a file over 10 MB before parsing it', () => {
    const big = `kind: Component\nmetadata:\n  name: big\n  description: "${'x'.repeat(MAX_FILE_CHARS)}"\n`;
    const err = (() => {
      try {
        parseCatalogFile(big, '/big.yaml');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(BadResponseError);
    expect((err as Error).message).toBe(
      'Catalog files: /big.yaml is 10.0 MB, over the 10 MB limit; split it into files listed by a Location'
    );
  });

  it('says which line of which file is not YAML', () => {
    expect(() => parseCatalogFile('kind: Component\nmetadata:\n  name: [unclosed\n', '/broken.yaml')).toThrow(
      /Catalog files: \/broken\.yaml line \d+ is not valid YAML/
    );
  });
});

describe('nesting', () => {
  it('refuses nesting deep enough to crash the YAML parser, before parsing', () => {
    expect(() => parseCatalogFile('- '.repeat(5000) + 'x', '/deep.yaml')).toThrow(
      'Catalog files: /deep.yaml nests deeper than 500 levels; refusing to read it'
    );
    expect(() => parseCatalogFile('['.repeat(20_000), '/deep.yaml')).toThrow('nests deeper than 500 levels');
  });

  it('measures flow brackets and block indentation, and reads ordinary nesting', () => {
    expect(nestingDepth('a: [[1, {b: [2]}]]')).toBe(4);
    expect(nestingDepth('a:\n  b:\n    - - c')).toBe(8);
    expect(nestingDepth('[]'.repeat(10_000))).toBe(1);
    expect(
      parseCatalogFile('kind: Component\nmetadata:\n  name: a\nspec:\n  x: [[[[1]]]]\n', '/ok.yaml')[0].spec?.x
    ).toEqual([[[[1]]]]);
  });
});

describe('Location targets', () => {
  const location = (targets: string[]) => ({ kind: 'Location', spec: { targets } });
  it('resolves relative targets against the file that lists them', () => {
    expect(
      locationTargets(
        location(['./components.yaml', '../org/org.yaml']),
        '/catalog/all.yaml',
        'https://git.example/raw'
      )
    ).toEqual(['/catalog/components.yaml', '/org/org.yaml']);
  });

  it('accepts absolute targets below the base URL only', () => {
    expect(
      locationTargets(location(['https://git.example/raw/x/y.yaml']), '/all.yaml', 'https://git.example/raw/')
    ).toEqual(['/x/y.yaml']);
    expect(() =>
      locationTargets(location(['https://evil.example/y.yaml']), '/all.yaml', 'https://git.example/raw')
    ).toThrow('outside https://git.example/raw');
    expect(() => locationTargets(location(['./*.yaml']), '/all.yaml', 'https://git.example/raw')).toThrow('is a glob');
  });

  it('never climbs above the root of the route', () => {
    expect(normalizePath('../../../../etc/passwd', '/a/b.yaml')).toBe('/etc/passwd');
  });
});
