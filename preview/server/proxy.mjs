// Grafana's data proxy for the preview: /api/datasources/proxy/uid/<uid>/<path>. For a plugin with
// `routes` (plugin.json) the first path segment picks the route, whose url and headers are Go-template
// strings over jsonData and secureJsonData; other data sources (Prometheus) forward to their `url`.
// Secrets are added here, on the server, and never sent to the page.
import { Readable } from 'node:stream';

const PREFIX = '/api/datasources/proxy/uid/';
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'x-grafana-org-id'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'cache-control', 'content-encoding'];

/** `{{ .JsonData.x }}` and `{{ .SecureJsonData.x }}`, as Grafana's route templates interpolate them. */
export function interpolateRoute(template, ds) {
  return String(template ?? '').replace(/\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g, (_, scope, key) => {
    const v = (scope === 'JsonData' ? ds.jsonData : ds.secureJsonData)?.[key];
    return v === undefined || v === null ? '' : String(v);
  });
}

/** Where a proxied request goes and with which extra headers, or an error message and status. */
export function resolveProxyTarget(ds, routes, rest, search) {
  const segments = rest.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) {
    return { status: 400, error: 'path traversal is not allowed in a data proxy path' };
  }
  const headers = {};
  let base;
  let remaining;
  if (routes?.length) {
    const route = routes.find((r) => r.path === segments[0]);
    if (!route) {
      return { status: 404, error: `no data proxy route "${segments[0] ?? ''}" in the ${ds.type} plugin` };
    }
    base = interpolateRoute(route.url, ds);
    remaining = segments.slice(1);
    for (const h of route.headers ?? []) {
      const value = interpolateRoute(h.content, ds).trim();
      if (value) {
        headers[h.name] = value;
      }
    }
  } else {
    base = ds.url;
    remaining = segments;
  }
  for (let i = 1; ds.jsonData?.[`httpHeaderName${i}`]; i++) {
    headers[ds.jsonData[`httpHeaderName${i}`]] = ds.secureJsonData?.[`httpHeaderValue${i}`] ?? '';
  }
  if (!base || !/^https?:\/\//.test(base)) {
    return { status: 502, error: `data source ${ds.uid}: the route has no http(s) URL configured (got "${base ?? ''}")` };
  }
  const trailing = rest.endsWith('/') && remaining.length ? '/' : '';
  const path = remaining.map(encodeURIComponent).join('/');
  const url = `${base.replace(/\/+$/, '')}${path ? `/${path}` : ''}${trailing}${search}`;
  return { url, headers };
}

function sendError(res, status, message) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message }));
}

/** Handles the request if it is a data proxy request; returns false otherwise. */
export async function handleProxy(req, res, { datasources, routesByType, timeoutMs = 30000 }) {
  const u = new URL(req.url, 'http://preview');
  if (!u.pathname.startsWith(PREFIX)) {
    return false;
  }
  const [uid, ...restParts] = u.pathname.slice(PREFIX.length).split('/');
  const ds = datasources.find((d) => d.uid === decodeURIComponent(uid));
  if (!ds) {
    sendError(res, 404, `data source ${uid} not found`);
    return true;
  }
  const rest = restParts.map(decodeURIComponent).join('/');
  const target = resolveProxyTarget(ds, routesByType[ds.type], rest, u.search);
  if (target.error) {
    sendError(res, target.status, target.error);
    return true;
  }
  const headers = { ...target.headers };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    if (req.headers[name] && !headers[name]) {
      headers[name] = req.headers[name];
    }
  }
  const hasBody = !['GET', 'HEAD'].includes(req.method);
  try {
    const upstream = await fetch(target.url, {
      method: req.method,
      headers,
      body: hasBody ? Readable.toWeb(req) : undefined,
      duplex: hasBody ? 'half' : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const out = {};
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const v = upstream.headers.get(name);
      if (v && name !== 'content-encoding') {
        out[name] = v;
      }
    }
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  } catch (e) {
    sendError(res, 502, `data proxy could not reach ${new URL(target.url).origin}: ${e.cause?.code ?? e.message}`);
  }
  return true;
}
