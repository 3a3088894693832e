// The one test command: unit and integration tests (jest, real backends on loopback), then the
// browser tests against the built dist/. Installs what a fresh machine lacks first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import prereqs from './lib/prereqs.js';

const { ensureBuild, ensureChaosToolkit, ensureDebian, ensureDemoPackages, ensureTracefs, root } = prereqs;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1;

const missing = ensureDebian();
if (missing.length) {
  console.log(`Not installed: ${missing.join(', ')}. Tests that need them will fail and say so.`);
}
ensureTracefs();
ensureDemoPackages();
ensureBuild();
const chaos = await ensureChaosToolkit({ log: (msg) => console.log(msg) });
if (chaos.missing) {
  console.log(`Chaos Toolkit is not installed (${chaos.missing}): its integration tests skip and say so.`);
}

let status = run('npx', ['jest', '--maxWorkers=2']);

const browserDir = path.join(root, 'tests', 'browser');
const browserTests = existsSync(browserDir)
  ? readdirSync(browserDir)
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
  : [];
if (browserTests.length > 0) {
  status =
    run(process.execPath, ['--test', '--test-concurrency=1', ...browserTests.map((f) => path.join(browserDir, f))]) ||
    status;
}
process.exit(status);
