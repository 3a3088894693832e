/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

/*
 * Found while fuzzing the catalog files parser: 10 KB of nested "- " (5,000 levels), parsed a few
 * times in one process, kills Node with "FATAL ERROR: RegExpCompiler Allocation failed - process
 * out of memory" inside the `yaml` package after its own stack overflow. No try/catch can stop
 * that, so the parser runs in a child process here, and a browser tab would crash the same way.
 * parseCatalogFile must refuse such a file (a BadResponseError) before handing it to `yaml`.
 */
const root = path.resolve(__dirname, '../..');

function parseInChild(text: string, times: number) {
  const { outputFiles } = buildSync({
    stdin: {
      contents: `import { parseCatalogFile } from './src/datasource/connectors/catalog/files/parse';
        const text = process.env.YAML_TEXT ?? '';
        for (let i = 0; i < ${times}; i++) {
          try { parseCatalogFile(text, '/catalog-info.yaml'); console.log('parsed'); }
          catch (e) { console.log(e.name + ': ' + e.message); }
        }`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
  });
  // The bundle (with yaml) is too long for a command line: run it from a file.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-yaml-'));
  try {
    const script = path.join(dir, 'parse.js');
    writeFileSync(script, outputFiles[0].text);
    return spawnSync(process.execPath, [script], {
      env: { ...process.env, YAML_TEXT: text },
      encoding: 'utf8',
      timeout: 60_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('catalog files nested deeper than the YAML parser survives', () => {
  it.each([
    ['block sequences', '- '.repeat(5000) + 'x'],
    ['flow sequences', '['.repeat(20_000)],
  ])(
    '%s: a readable error, and the process lives',
    (_name, text) => {
      const child = parseInChild(text, 6);
      expect(child.stderr).not.toMatch(/FATAL ERROR/);
      expect(child.status).toBe(0);
      expect(child.stdout.trim().split('\n')).toEqual(
        Array(6).fill(expect.stringMatching(/^BadResponseError: Catalog files: \/catalog-info.yaml/))
      );
    },
    120_000
  );
});
