// `npm run demo`: the preview on http://127.0.0.1:3000 with the built dist/ plugins, then every demo
// backend (demo/<name>/service.js) in `order`. A backend that cannot start says why; the rest runs.
// Ctrl-C or SIGTERM stops every backend and the preview.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPreview } from '../preview/server/index.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { ensureBuild } = require('../scripts/lib/prereqs.js');

/** The fixed demo ports of demo/PORTS.md, which provisioning/ points at. */
const PORTS = {
  preview: 3000,
  backstage: 7007,
  prometheus: 9090,
  prometheusB: 9091,
  prometheusGlobal: 9092,
  services: { frontend: 8101, checkout: 8102, payments: 8103, inventory: 8104, shipping: 8105 },
  faultProxies: { frontend: 8201, checkout: 8202, payments: 8203, inventory: 8204, shipping: 8205 },
  chaosRunner: 8300,
  ebpfExporter: 9400,
  clusterBExporter: 9402,
};

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || process.env.PREVIEW_PORT || PORTS.preview);
const withServices = !args.includes('--no-services');

function loadServices() {
  const demoDir = path.join(root, 'demo');
  return fs
    .readdirSync(demoDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(demoDir, d.name, 'service.js')))
    .map((d) => {
      const file = path.join(demoDir, d.name, 'service.js');
      try {
        const svc = require(file);
        return { dir: d.name, name: svc.name ?? d.name, order: svc.order ?? 100, start: svc.start };
      } catch (e) {
        return { dir: d.name, name: d.name, order: 1000, loadError: e };
      }
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** `npm ci` for a demo backend with its own lock file, on first run; asynchronous so the preview keeps serving. */
function installPackages(dir) {
  const full = path.join(root, 'demo', dir);
  if (!fs.existsSync(path.join(full, 'package-lock.json')) || fs.existsSync(path.join(full, 'node_modules'))) {
    return Promise.resolve();
  }
  console.log(`  installing the packages of demo/${dir} (first run only, a few minutes)`);
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: full, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ci failed in demo/${dir} (exit ${code})`))));
    child.on('error', reject);
  });
}

const running = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) {
    return;
  }
  stopping = true;
  console.log('\nStopping the demo…');
  for (const r of running.reverse()) {
    await Promise.resolve(r.stop()).catch((e) => console.log(`  ${r.name}: ${e.message}`));
  }
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

ensureBuild();
const preview = await startPreview({ port, host: '127.0.0.1' }).catch((e) => {
  console.error(`The preview could not start on port ${port}: ${e.message}`);
  process.exit(1);
});
running.push({ name: 'preview', stop: preview.stop });
console.log(`Faultline preview: ${preview.url}/  (dashboards; the app at ${preview.url}/a/faultline-app/)`);

if (withServices) {
  const started = [];
  const failed = [];
  for (const svc of loadServices()) {
    if (stopping) {
      break;
    }
    if (svc.loadError) {
      failed.push([svc.name, `demo/${svc.dir}/service.js does not load: ${svc.loadError.message}`]);
      continue;
    }
    const stateDir = path.join(root, 'demo', '.state', svc.name);
    fs.mkdirSync(stateDir, { recursive: true });
    try {
      await installPackages(svc.dir);
      const handle = await svc.start({ root, stateDir, ports: PORTS, log: (msg) => console.log(`  [${svc.name}] ${msg}`) });
      running.push({ name: svc.name, stop: handle.stop });
      started.push([svc.name, handle.url]);
      console.log(`  started ${svc.name}${handle.url ? ` at ${handle.url}` : ''}`);
    } catch (e) {
      failed.push([svc.name, String(e?.message ?? e).split('\n')[0]]);
      console.log(`  not started: ${svc.name}: ${String(e?.message ?? e).split('\n')[0]}`);
    }
  }
  console.log(`\nDemo backends started: ${started.map(([n]) => n).join(', ') || 'none'}`);
  for (const [name, why] of failed) {
    console.log(`Not running: ${name} (${why})`);
  }
}
console.log(`\nOpen ${preview.url}/ — Ctrl-C stops everything.`);
