// Bundles the preview's browser code once (esbuild, in memory): the shared packages Grafana gives
// plugins, the module loader, and the pages. Code splitting keeps one copy of React and @grafana/*
// across the pages, which is what makes `instanceof PanelPlugin` hold for a loaded plugin.
import * as esbuild from 'esbuild';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * @grafana/scenes 9 asks the host for newer @grafana/runtime APIs through @grafana/plugin-compat,
 * which imports names that runtime 12.4 does not export yet and falls back when they are undefined.
 * Webpack (the plugin's bundler) gives such an import undefined; esbuild refuses it, so the preview
 * reads those names off the module namespace, which gives the value webpack would.
 */
const hostApiProbes = {
  name: 'host-api-probes',
  setup(build) {
    build.onLoad({ filter: /[\\/]@grafana[\\/]plugin-compat[\\/]dist[\\/]esm[\\/].*\.mjs$/ }, async (args) => {
      let n = 0;
      const source = (await fs.readFile(args.path, 'utf8')).replace(
        /^import \{([^}]*)\} from '(@grafana\/runtime(?:\/unstable)?)';$/gm,
        (_, names, from) => {
          const ns = `__host${n++}`;
          const bindings = names.split(',').map((b) => b.trim().split(/\s+as\s+/));
          return [
            `import * as ${ns} from '${from}';`,
            ...bindings.map(([name, local = name]) => `const ${local} = ${ns}[${JSON.stringify(name)}];`),
          ].join('\n');
        }
      );
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * `import X from 'cjs-package'` inside an `.mjs` file: esbuild applies Node's rule (X is the whole
 * module.exports), webpack the Babel rule (X is exports.default when __esModule is set), and
 * @grafana/ui is written for webpack (react-custom-scrollbars-2, react-highlight-words, …). Such
 * imports are routed through a small re-export, where esbuild applies the Babel rule too.
 */
const cjsDefaultInterop = {
  name: 'cjs-default-interop',
  setup(build) {
    const verdicts = new Map();
    const resolved = new Map();
    const needsInterop = async (file) => {
      if (!verdicts.has(file)) {
        const src = await fs.readFile(file, 'utf8');
        verdicts.set(file, src.includes('__esModule') && !/^\s*(import|export)\s/m.test(src));
      }
      return verdicts.get(file);
    };
    // The CommonJS packages @grafana/ui 12.4 default-imports (found by scanning its .mjs files);
    // checking every bare import instead quadruples the bundle time.
    build.onResolve(
      {
        filter:
          /^(react-custom-scrollbars-2|react-highlight-words|calculate-size|react-loading-skeleton|react-inlinesvg|@rc-component\/[^/]+|@monaco-editor\/react|slate-plain-serializer)$/,
      },
      async (args) => {
        if (args.pluginData?.interop || args.namespace !== 'file' || !args.importer.endsWith('.mjs')) {
          return undefined;
        }
        // One resolution per specifier and importing package keeps the bundle time near esbuild's own.
        const key = `${args.path}|${args.importer.replace(/^(.*node_modules\/(@[^/]+\/)?[^/]+\/).*$/, '$1')}`;
        if (!resolved.has(key)) {
          resolved.set(
            key,
            build
              .resolve(args.path, {
                kind: args.kind,
                resolveDir: args.resolveDir,
                importer: args.importer,
                pluginData: { interop: true },
              })
              .then(async (r) =>
                r.errors.length === 0 && /\.c?js$/.test(r.path) && (await needsInterop(r.path)) ? r.path : undefined
              )
          );
        }
        const file = await resolved.get(key);
        return file ? { path: file, namespace: 'cjs-interop' } : undefined;
      }
    );
    build.onLoad({ filter: /.*/, namespace: 'cjs-interop' }, (args) => ({
      contents: `export { default } from ${JSON.stringify(args.path)};\nexport * from ${JSON.stringify(args.path)};\n`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
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
    plugins: [hostApiProbes, cjsDefaultInterop],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"', global: 'globalThis' },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'file', '.woff2': 'file', '.ttf': 'file' },
  });
  const files = new Map();
  for (const f of result.outputFiles) {
    const name = path.relative(outdir, f.path).split(path.sep).join('/');
    files.set(name, { body: f.contents, type: MIME[path.extname(name)] ?? 'application/octet-stream' });
  }
  return files;
}
