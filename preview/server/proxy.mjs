// Grafana's data proxy for the preview: /api/datasources/proxy/uid/<uid>/<path>, as
// grafana/grafana pkg/api/pluginproxy/ds_proxy.go does it. For a plugin with `routes` (plugin.json)
// the first route whose method and path prefix match is applied: its url and headers are Go templates
// over jsonData and secureJsonData (goTemplate.mjs). A request that matches no route goes to the data
// source's own `url` with no route headers. Secrets are added here and never sent to the page.
import { Readable } from 'node:stream';
import { renderGoTemplate } from './goTemplate.mjs';
import {
  cleanRelativePath,
  dataSourceTarget,
  escapeGoPath,
  joinURLFragments,
  parseGoUrl,
  reencodeGoQuery,
} from './goUrl.mjs';

const PREFIX = '/api/datasources/proxy/uid/';
// pkg/services/datasourceproxy/datasourceproxy.go proxyPathRegexp
const PROXY_PATH = /^\/api\/datasources\/proxy\/(\d+|uid\/[\w-]+)\/?/;
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'x-grafana-org-id'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'retry-after', 'cache-control'];
// pkg/api/pluginproxy/ds_proxy.go HandleRequest: what an upstream 401 becomes.
export const AUTH_FAILED = 'Authentication to data source failed';

/** pkg/apimachinery/identity/role_type.go rolePrecedence, IsValid and Includes: None < Viewer < Editor < Admin. */
const ROLE_RANK = { None: 0, Viewer: 1, Editor: 2, Admin: 3 };
export function roleIncludes(userRole, required) {
  return (ROLE_RANK[userRole] ?? -1) >= ROLE_RANK[required];
}

/** Parts of a route Grafana supports and the preview does not: refused, never silently ignored. */
const UNSUPPORTED_ROUTE_KEYS = ['body', 'tokenAuth', 'jwtTokenAuth', 'reqAction', 'authType'];

/** issues/116273 in ds_proxy.go: a path that cleans to "." stands for "" unless it was ".". */
function matchablePath(p) {
  const clean = cleanRelativePath(p);
  return clean === '.' && p !== '.' ? '' : clean;
}

/**
 * ds_proxy.go validateRequest: the first route whose method is empty, "*" or the request's and whose
 * cleaned path is a prefix of the cleaned proxy path. Its reqRole (when a valid role) is checked there.
 * @returns {{ route?: object, denied?: boolean }}
 */
export function matchRoute(routes, method, proxyPath, role) {
  for (const route of routes ?? []) {
    if (route.method && route.method !== '*' && route.method !== method) {
      continue;
    }
    if (!matchablePath(proxyPath).startsWith(matchablePath(route.path ?? ''))) {
      continue;
    }
    if (route.reqRole in ROLE_RANK && !roleIncludes(role, route.reqRole)) {
      return { denied: true };
    }
    return { route };
  }
  return {};
}

/**
 * Where the request goes and with which headers, as ds_proxy.go `director` and
 * ds_auth_provider.go `ApplyRoute` build it. `url` is null where Go's transport would fail (no
 * http(s) scheme, no host): the proxy answers 502 then.
 * @returns {{ url: string | null, headers: Record<string,string>, errors: string[] }}
 */
export function resolveProxyTarget(ds, route, proxyPath, rawQuery) {
  const errors = [];
  const headers = {};
  const base = dataSourceTarget(ds.url);
  if (!base) {
    throw new Error(`invalid data source URL ${JSON.stringify(ds.url)}`);
  }
  let target = { ...base, rawPath: joinURLFragments(escapeGoPath(base.path), proxyPath), query: rawQuery };
  if (route) {
    const unsupported = UNSUPPORTED_ROUTE_KEYS.filter((k) => route[k] !== undefined);
    if (unsupported.length) {
      throw new Error(
        `the preview's data proxy does not implement route ${unsupported.join(', ')} (route "${route.path}")`
      );
    }
    target = applyRoute(ds, route, proxyPath, target, headers, errors);
  }
  for (let i = 1; ds.jsonData?.[`httpHeaderName${i}`]; i++) {
    headers[ds.jsonData[`httpHeaderName${i}`]] = ds.secureJsonData?.[`httpHeaderValue${i}`] ?? '';
  }
  const url =
    /^https?$/.test(target.scheme) && target.host
      ? `${target.scheme}://${target.host}${target.rawPath}${target.query ? `?${target.query}` : ''}`
      : null;
  return { url, headers, errors };
}

function applyRoute(ds, route, proxyPath, target, headers, errors) {
  const data = { URL: ds.url ?? '', JsonData: ds.jsonData ?? {}, SecureJsonData: ds.secureJsonData ?? {} };
  const trimmed = proxyPath.startsWith(route.path) ? proxyPath.slice(route.path.length) : proxyPath;
  let next = target;
  if (route.url) {
    // ApplyRoute: a url that fails to render or parse is logged and the rest of the route skipped.
    let parsed;
    try {
      parsed = parseGoUrl(renderGoTemplate(route.url, data));
    } catch (e) {
      errors.push(`Error interpolating proxy url: ${e.message}`);
      return target;
    }
    if (!parsed) {
      errors.push(`Error parsing plugin route url "${route.url}"`);
      return target;
    }
    // Go's url.URL keeps the decoded Path with the old RawPath, so the wire form re-escapes it.
    next = {
      ...target,
      scheme: parsed.scheme,
      host: parsed.host,
      rawPath: escapeGoPath(joinURLFragments(parsed.path, trimmed)),
    };
  }
  try {
    const params = (route.urlParams ?? []).map((p) => [
      renderGoTemplate(p.name, data),
      renderGoTemplate(p.content, data),
    ]);
    next = { ...next, query: reencodeGoQuery(target.query, params) };
  } catch (e) {
    errors.push(`Failed to render plugin URL query string: ${e.message}`);
  }
  // utils.go addHeaders: every listed header is Set, even to "", until one fails to render.
  for (const h of route.headers ?? []) {
    try {
      headers[h.name] = renderGoTemplate(h.content, data);
    } catch (e) {
      errors.push(`Failed to render plugin headers: ${e.message}`);
      break;
    }
  }
  return next;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** net/http rejects a header value with a control character other than tab before sending anything. */
const invalidHeaderValue = (v) => /[\x00-\x08\x0a-\x1f\x7f]/.test(v);

/** pkg/api/pluginproxy/pluginproxy.go writeJSONErr: `{"message": ...}` and a newline. */
function sendJsonError(res, status, message) {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(`${JSON.stringify({ message })}\n`);
}

/** pkg/util/proxyutil/reverse_proxy.go errorHandler: a status and no body. */
function sendEmpty(res, status) {
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}

/**
 * Handles the request if it is a data proxy request; returns false otherwise.
 * @param {{ datasources: object[], routesByType: Record<string, object[]>, role?: string, timeoutMs?: number,
 *   log?: (line: string) => void }} ctx `role` is the signed-in user's org role (Admin by default)
 */
export async function handleProxy(
  req,
  res,
  { datasources, routesByType, role = 'Admin', timeoutMs = 30000, log = console.error }
) {
  const [rawPath, rawQuery = ''] = req.url.split(/\?(.*)/s);
  if (!rawPath.startsWith(PREFIX)) {
    return false;
  }
  const uid = rawPath.slice(PREFIX.length).split('/')[0];
  // datasourceproxy.go: util.IsValidShortUID, then the data source cache.
  if (!/^[a-zA-Z0-9\-_]*$/.test(uid)) {
    sendJsonError(res, 400, 'UID is invalid');
    return true;
  }
  const ds = datasources.find((d) => d.uid === uid);
  if (!ds) {
    sendJsonError(res, 404, 'Unable to find datasource');
    return true;
  }
  // NewDataSourceProxy validates the data source URL before any route is looked at.
  if (!dataSourceTarget(ds.url)) {
    sendJsonError(res, 400, `Invalid data source URL: ${JSON.stringify(ds.url)}`);
    return true;
  }
  const proxyPath = rawPath.replace(PROXY_PATH, '');
  // Stricter than Grafana, which forwards encoded dot segments: the preview refuses them outright.
  if (
    safeDecode(proxyPath)
      .split('/')
      .some((s) => ['.', '..'].includes(s))
  ) {
    sendJsonError(res, 400, 'path traversal is not allowed in a data proxy path');
    return true;
  }
  const { route, denied } = matchRoute(routesByType[ds.type], req.method, proxyPath, role);
  if (denied) {
    sendJsonError(res, 403, 'plugin proxy route access denied');
    return true;
  }
  const target = resolveProxyTarget(ds, route, proxyPath, rawQuery);
  target.errors.forEach((e) => log(`data proxy ${ds.uid}: ${e}`));
  if (!target.url || Object.values(target.headers).some(invalidHeaderValue)) {
    log(
      `data proxy ${ds.uid}: Proxy request failed: no http(s) URL or an invalid header for ${req.method} ${proxyPath}`
    );
    sendEmpty(res, 502);
    return true;
  }
  const headers = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    if (req.headers[name]) {
      headers[name] = req.headers[name];
    }
  }
  Object.assign(headers, target.headers);
  const hasBody = !['GET', 'HEAD'].includes(req.method);
  let upstream;
  try {
    upstream = await fetch(target.url, {
      method: req.method,
      headers,
      body: hasBody ? Readable.toWeb(req) : undefined,
      duplex: hasBody ? 'half' : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const timedOut = e?.name === 'TimeoutError';
    log(`data proxy ${ds.uid}: Proxy request ${timedOut ? 'timed out' : 'failed'}: ${e.cause?.code ?? e.message}`);
    sendEmpty(res, timedOut ? 504 : 502);
    return true;
  }
  // proxyutil.SetProxyResponseHeaders: every proxied answer is sandboxed.
  const out = { 'content-security-policy': 'sandbox' };
  if (upstream.status === 401) {
    await upstream.arrayBuffer().catch(() => undefined);
    res.writeHead(400, { ...out, 'content-type': 'text/plain; charset=utf-8' });
    res.end(AUTH_FAILED);
    return true;
  }
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const v = upstream.headers.get(name);
    if (v) {
      out[name] = v;
    }
  }
  res.writeHead(upstream.status, out);
  res.end(Buffer.from(await upstream.arrayBuffer()));
  return true;
}
