// The few Grafana HTTP API endpoints the shell and the plugins call, answered from the provisioning
// files and src/dashboards/. Plugin settings changed by the app's config page live in memory.
import fs from 'node:fs';
import path from 'node:path';
import { handleDashboardsApi } from './dashboardsApi.mjs';

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) {
    chunks.push(c);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** Every dashboard JSON in the folders, keyed by uid (or file name when it has none). */
export function readDashboards(dirs) {
  return [dirs].flat().flatMap((dir) => readDashboardDir(dir));
}

function readDashboardDir(dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        const dashboard = JSON.parse(fs.readFileSync(file, 'utf8'));
        return { file: f, uid: dashboard.uid ?? f.replace(/\.json$/, ''), title: dashboard.title ?? f, dashboard };
      } catch (e) {
        return { file: f, uid: f.replace(/\.json$/, ''), title: f, error: `${f} is not valid JSON: ${e.message}` };
      }
    });
}

const pluginSettings = new Map();

export async function handleApi(req, res, pathname, ctx) {
  if (pathname === '/api/health') {
    return json(res, 200, { database: 'ok', version: '12.4.10 (preview)' });
  }
  if (pathname === '/api/preview/dashboards') {
    // The shell's list: the files, with the errors of those that are not dashboards, and the saved ones.
    const files = readDashboards(ctx.dashboardsDir).map(({ uid, title, file, error }) => ({ uid, title, file, error }));
    const saved = [...ctx.dashboards.store.values()]
      .filter(({ dashboard }) => !files.some((f) => f.uid === dashboard.uid))
      .map(({ dashboard }) => ({ uid: dashboard.uid, title: dashboard.title }));
    return json(res, 200, [...files, ...saved]);
  }
  if (await handleDashboardsApi(req, res, new URL(req.url, 'http://preview'), ctx.dashboards, readBody)) {
    return;
  }
  const settings = pathname.match(/^\/api\/plugins\/([^/]+)\/settings$/);
  if (settings) {
    const id = settings[1];
    const meta = ctx.plugins.find((p) => p.id === id);
    if (!meta) {
      return json(res, 404, { message: 'Plugin not found' });
    }
    if (req.method === 'POST') {
      const body = await readBody(req);
      pluginSettings.set(id, { ...(pluginSettings.get(id) ?? {}), ...body });
      return json(res, 200, { message: 'Plugin settings updated' });
    }
    const provisioned = ctx.apps.find((a) => a.type === id);
    const stored = pluginSettings.get(id) ?? {};
    return json(res, 200, {
      ...meta,
      enabled: stored.enabled ?? (provisioned ? provisioned.disabled !== true : false),
      pinned: true,
      jsonData: stored.jsonData ?? provisioned?.jsonData ?? {},
      secureJsonFields: {},
    });
  }
  return json(res, 404, { message: `the preview does not implement ${req.method} ${pathname}` });
}
