// The preview server: the built dist/ plugins inside a Grafana-less dashboard shell, with Grafana's
// data proxy. `node preview/server/index.mjs [--port 3000] [--provisioning dir]`, or startPreview().
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserBundle } from './build.mjs';
import { bootData, pageHtml } from './pages.mjs';
import { readBuiltPlugins } from './plugins.mjs';
import { readProvisioning } from './provisioning.mjs';
import { handleProxy } from './proxy.mjs';
import { serveFile } from './static.mjs';
import { handleApi } from './api.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES = { '/smoke': { entry: 'smoke.js', title: 'Faultline plugin smoke page' } };
const SHELL = { entry: 'shell/main.js', title: 'Faultline preview' };

/**
 * @param {{ port?: number, host?: string, root?: string, provisioningDir?: string, extraDashboardsDir?: string,
 *   env?: Record<string,string> }} options
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startPreview(options = {}) {
  const root = options.root ?? ROOT;
  const host = options.host ?? '127.0.0.1';
  const distDir = path.join(root, 'dist');
  const provisioningDir = options.provisioningDir ?? path.join(root, 'provisioning');
  const dashboardsDir = [path.join(root, 'src', 'dashboards'), ...[options.extraDashboardsDir ?? []].flat()];
  const iconsDir = path.join(root, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');

  const plugins = readBuiltPlugins(distDir);
  const provisioning = readProvisioning(provisioningDir, options.env ?? process.env);
  const routesByType = Object.fromEntries(plugins.filter((p) => p.routes).map((p) => [p.id, p.routes]));
  const entries = ['smoke.tsx', 'shell/main.tsx'].filter((e) => fs.existsSync(path.join(root, 'preview', 'src', e)));
  const bundle = await buildBrowserBundle({ root, entries, minify: process.env.FAULTLINE_PREVIEW_MINIFY !== '0' });
  const role = options.role ?? 'Admin';
  const boot = bootData({ ...provisioning, plugins, role });
  const ctx = { datasources: provisioning.datasources, apps: provisioning.apps, plugins, dashboardsDir, routesByType, role };

  const page = ({ entry, title }) => {
    const css = entry.replace(/\.js$/, '.css');
    return pageHtml({ title, entry, boot, css: bundle.has(css) ? [css] : [] });
  };

  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://preview');
      if (pathname.startsWith('/preview-build/')) {
        const f = bundle.get(pathname.slice('/preview-build/'.length));
        if (f) {
          res.writeHead(200, { 'content-type': f.type, 'cache-control': 'max-age=3600' });
          return res.end(f.body);
        }
      } else if (pathname.startsWith('/public/plugins/faultline-app/')) {
        if (serveFile(res, distDir, pathname.slice('/public/plugins/faultline-app/'.length))) {
          return;
        }
      } else if (pathname.startsWith('/public/build/img/icons/')) {
        const icon = pathname.slice('/public/build/img/icons/'.length);
        if (serveFile(res, iconsDir, icon) || serveFile(res, path.join(root, 'preview', 'public', 'icons'), icon)) {
          return;
        }
      } else if (await handleProxy(req, res, ctx)) {
        return;
      } else if (pathname.startsWith('/api/')) {
        return await handleApi(req, res, pathname, ctx);
      } else if (req.method === 'GET') {
        const p = PAGES[pathname] ?? (entries.includes('shell/main.tsx') ? SHELL : PAGES['/smoke']);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(page(p));
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not found: ${pathname}`);
    } catch (e) {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
      }
      res.end(JSON.stringify({ message: String(e?.message ?? e) }));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address();
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const preview = await startPreview({
    port: Number(argValue('--port') ?? 3000),
    host: argValue('--host') ?? '127.0.0.1',
    provisioningDir: argValue('--provisioning'),
    role: argValue('--role'),
  });
  console.log(`Faultline preview: ${preview.url}/`);
  const stop = () => preview.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
