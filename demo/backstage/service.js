// Demo backend: a real Backstage catalog backend on 127.0.0.1:7007 (demo/PORTS.md), loaded with the
// demo shop's catalog (catalog/*.yaml). The integration tests start it the same way on a free port.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startProcess } = require('../../scripts/lib/processes');

const TOKEN = 'faultline-demo-token';
/** Entities in catalog/: ready means the catalog has ingested all of them, not merely started. */
const DEMO_COMPONENTS = 43;
const DEMO_PEOPLE = 22;

async function count(url, filters) {
  const filter = filters.map((f) => `filter=${f}`).join('&');
  const res = await fetch(`${url}/api/catalog/entities/by-query?${filter}&limit=1&fields=metadata.name`, {
    headers: { authorization: `Bearer ${TOKEN}` },
    signal: AbortSignal.timeout(2000),
  });
  if (!res.ok) {
    return -1;
  }
  const body = await res.json();
  return typeof body.totalItems === 'number' ? body.totalItems : -1;
}

module.exports = {
  name: 'backstage',
  order: 20,
  token: TOKEN,
  demoComponents: DEMO_COMPONENTS,
  demoPeople: DEMO_PEOPLE,
  async start(ctx = {}) {
    if (!fs.existsSync(path.join(__dirname, 'node_modules', '@backstage', 'backend-defaults'))) {
      throw new Error('Backstage is not installed: run `cd demo/backstage && npm install` (about 2.5 minutes, 344 MB)');
    }
    const port = ctx.ports?.backstage ?? 7007;
    const url = `http://127.0.0.1:${port}`;
    // The port lives in a second config file, merged over app-config.yaml by Backstage's config loader.
    const ownDir = !ctx.stateDir;
    const dir = ctx.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-backstage-'));
    fs.mkdirSync(dir, { recursive: true });
    const portConfig = path.join(dir, `backstage-port-${port}.yaml`);
    fs.writeFileSync(portConfig, `backend:\n  baseUrl: ${url}\n  listen:\n    port: ${port}\n`);
    const removeOwnDir = () => ownDir && fs.rmSync(dir, { recursive: true, force: true });
    const p = await startProcess({
      name: 'backstage',
      cmd: process.execPath,
      // ctx.configs: more config files merged last (the tests use one to load another catalog).
      args: [
        'backend.js',
        '--config',
        'app-config.yaml',
        '--config',
        portConfig,
        ...(ctx.configs ?? []).flatMap((c) => ['--config', c]),
      ],
      cwd: __dirname,
      env: { NODE_ENV: 'development', ...(ctx.env ?? {}) },
      // Components and their owners arrive in separate processing batches: wait for both.
      ready: async () =>
        (await count(url, ['kind=component'])) >= (ctx.expectComponents ?? DEMO_COMPONENTS) &&
        (await count(url, ['kind=group', 'kind=user'])) >= (ctx.expectPeople ?? DEMO_PEOPLE),
      timeoutMs: ctx.timeoutMs ?? 90000,
      logFile: ctx.stateDir ? path.join(ctx.stateDir, 'backstage.log') : undefined,
    }).catch((e) => {
      removeOwnDir();
      throw e;
    });
    ctx.log?.(`Backstage catalog on ${url} (token ${TOKEN})`);
    return { url, pid: p.pid, stop: () => p.stop().finally(removeOwnDir) };
  },
};
