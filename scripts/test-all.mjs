// The one test command: unit and integration tests (jest, real backends on loopback), then the
// browser tests against the built dist/. Fails if any part fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1;

let status = run('npx', ['jest', '--maxWorkers=2']);

const browserDir = path.join(root, 'tests', 'browser');
const browserTests = existsSync(browserDir) ? readdirSync(browserDir).filter((f) => f.endsWith('.test.mjs')) : [];
if (browserTests.length > 0) {
  if (!existsSync(path.join(root, 'dist', 'module.js'))) {
    console.error('dist/ is missing: run `npm run build` before the browser tests');
    status = 1;
  } else {
    status = run(process.execPath, ['--test', '--test-concurrency=1', ...browserTests.map((f) => path.join(browserDir, f))]) || status;
  }
}
process.exit(status);
