// Bundles the preview's browser code once (esbuild, in memory): the shared packages Grafana gives
// plugins, the module loader, and the pages. Code splitting keeps one copy of React and @grafana/*
// across the pages, which is what makes `instanceof PanelPlugin` hold for a loaded plugin.
import * as esbuild from 'esbuild';
import path from 'node:path';

const MIME = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/** @returns {Promise<Map<string, {body: Uint8Array, type: string}>>} keyed by file name below outdir */
export async function buildBrowserBundle({ root, entries, minify = true }) {
  const outdir = path.join(root, 'artifacts', 'preview-build');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries.map((e) => path.join(root, 'preview', 'src', e)),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify,
    sourcemap: false,
    logLevel: 'silent',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
  });
  const files = new Map();
  for (const f of result.outputFiles) {
    const name = path.relative(outdir, f.path).split(path.sep).join('/');
    files.set(name, { body: f.contents, type: MIME[path.extname(name)] ?? 'application/octet-stream' });
  }
  return files;
}
