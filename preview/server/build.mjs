// Bundles the preview's browser code once (esbuild, in memory): the shared packages Grafana gives
// plugins, the module loader, and the pages. Code splitting keeps one copy of React and @grafana/*
// across the pages, which is what makes `instanceof PanelPlugin` hold for a loaded plugin.
import * as esbuild from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * @grafana/scenes 8.19 imports `defaultOptions` from @grafana/schema's table panel types, which
 * schema 12.4 no longer exports. Webpack (Grafana's bundler) leaves such an import undefined;
 * esbuild refuses it, so the preview adds the binding with the value webpack would give it.
 */
const missingSchemaExport = {
  name: 'missing-schema-export',
  setup(build) {
    build.onLoad({ filter: /[\\/]table[\\/]panelcfg[\\/]x[\\/]types\.gen\.mjs$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      return { contents: /\bdefaultOptions\b/.test(source) ? source : `${source}\nexport const defaultOptions = undefined;\n`, loader: 'js' };
    });
  },
};

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
    plugins: [missingSchemaExport],
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
