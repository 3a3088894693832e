// Runs every bench/*.bench.ts (bundled with esbuild for Node) and every bench/*.bench.mjs as is,
// one after the other, so figures of one area are not disturbed by another's.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv[2];
const outDir = path.join(root, 'artifacts', 'bench');
mkdirSync(outDir, { recursive: true });

const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => !only || f.includes(only))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  let entry = path.join(root, 'bench', file);
  if (file.endsWith('.ts')) {
    const out = path.join(outDir, file.replace(/\.ts$/, '.cjs'));
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error', target: 'node20' });
    entry = out;
  }
  const res = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', entry], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
  const lines = res.stdout.toString().split('\n').filter((l) => !l.startsWith('BENCH_JSON '));
  console.log(lines.join('\n').trimEnd());
  if (res.status !== 0) {
    failed++;
    console.log(`!! ${file} exited with ${res.status}`);
  }
}
process.exit(failed ? 1 : 0);
