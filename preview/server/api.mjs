// The few Grafana HTTP API endpoints the shell and the plugins call, answered from the provisioning
// files, the app's dashboards in dist/ and the provisioned dashboard files. Plugin settings changed
// by the app's config page live in memory.
import fs from 'node:fs';
import path from 'node:path';
import { appDashboards } from './dashboardImport.mjs';
import { dataSourceDto, updateDataSource } from './datasources.mjs';
import { bootData } from './pages.mjs';
import { handleDashboardsApi } from './dashboardsApi.mjs';

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readText(req) {
  const chunks = [];
  for await (const c of req) {
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readBody(req) {
  const text = await readText(req);
  return text ? JSON.parse(text) : {};
}

/** A JSON body, or undefined when it is not JSON (Grafana answers 400 "bad request data"). */
async function readJsonOrUndefined(req) {
  try {
    return JSON.parse(await readText(req));
  } catch {
    return undefined;
  }
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

/** What the preview's Grafana holds: the app's imported dashboards, then the provisioned files. */
function storedDashboards(ctx) {
  return [...appDashboards(ctx.plugins, ctx.distDir), ...readDashboards(ctx.dashboardsDir)];
}

const pluginSettings = new Map();

export async function handleApi(req, res, pathname, ctx) {
  if (pathname === '/api/health') {
    return json(res, 200, { database: 'ok', version: '12.4.10 (preview)' });
  }
  if (pathname === '/api/preview/dashboards') {
    // The shell's list: the stored files, with the errors of those that are not dashboards, and the saved ones.
    const files = storedDashboards(ctx).map(({ uid, title, file, error }) => ({ uid, title, file, error }));
    const saved = [...ctx.dashboards.store.values()]
      .filter(({ dashboard }) => !files.some((f) => f.uid === dashboard.uid))
      .map(({ dashboard }) => ({ uid: dashboard.uid, title: dashboard.title }));
    return json(res, 200, [...files, ...saved]);
  }
  const broken = pathname.match(/^\/api\/dashboards\/uid\/([^/]+)$/) && storedDashboards(ctx).find((d) => d.error && d.uid === decodeURIComponent(pathname.split('/').pop()));
  if (broken) {
    return json(res, 500, { message: broken.error });
  }
  if (await handleDashboardsApi(req, res, new URL(req.url, 'http://preview'), ctx.dashboards, readBody)) {
    return;
  }
  if (pathname === '/api/frontend/settings') {
    // What DatasourceSrv.reload() fetches after a save: the instance settings, without secrets.
    return json(res, 200, bootData({ datasources: ctx.datasources, apps: ctx.apps, plugins: ctx.plugins, role: ctx.role }).settings);
  }
  const dsByUid = pathname.match(/^\/api\/datasources\/uid\/([^/]+)$/);
  if (dsByUid) {
    const uid = decodeURIComponent(dsByUid[1]);
    // Only an Admin holds datasources:write in Grafana's default roles (pkg/services/accesscontrol).
    const canWrite = (ctx.role ?? 'Admin') === 'Admin';
    if (req.method === 'PUT' && !canWrite) {
      return json(res, 403, { title: 'Access denied', message: "You'll need additional permissions to perform this action. Permissions needed: datasources:write" });
    }
    if (req.method === 'PUT') {
      const { status, body } = updateDataSource(ctx.datasources, ctx.plugins, uid, await readJsonOrUndefined(req));
      return json(res, status, body);
    }
    const ds = ctx.datasources.find((d) => d.uid === uid);
    if (!ds) {
      return json(res, 404, { message: 'Data source not found' });
    }
    const accessControl = new URL(req.url, 'http://preview').searchParams.get('accesscontrol') === 'true';
    return json(res, 200, dataSourceDto(ds, ctx.plugins, { accessControl: accessControl && { write: canWrite } }));
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
