/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The worker ships as a bundled string; this fails when layout code changed without regenerating it.
it('workerSource.generated.ts matches the layout sources (run: node src/panels/flowgraph/layout/buildWorkerSource.mjs)', () => {
  const res = spawnSync(process.execPath, [path.join(__dirname, 'buildWorkerSource.mjs'), '--check'], {
    encoding: 'utf8',
  });
  expect(res.stdout.trim()).toBe('workerSource.generated.ts is up to date');
  expect(res.status).toBe(0);
});
