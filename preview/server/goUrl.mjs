// The Go URL and path functions that decide where Grafana's data proxy sends a request, reproduced
// so the preview forwards exactly what Grafana would (the Go standard library's net/url and
// path/filepath, and grafana/grafana pkg/util/url.go, pkg/util/filepath.go).
import path from 'node:path';

/** grafana/grafana pkg/util/url.go JoinURLFragments: one slash between the two parts, b may be empty. */
export function joinURLFragments(a, b) {
  if (b.length === 0) {
    return a;
  }
  const aSlash = a.endsWith('/');
  const bSlash = b.startsWith('/');
  if (aSlash && bSlash) {
    return a + b.slice(1);
  }
  return !aSlash && !bSlash ? `${a}/${b}` : a + b;
}

/**
 * grafana/grafana pkg/util/filepath.go CleanRelativePath (`filepath.Clean(filepath.Join("/", p))`
 * made relative to "/"): dot segments resolved, no leading or trailing slash, "." for the root.
 */
export function cleanRelativePath(p) {
  return path.posix.resolve('/', p).slice(1) || '.';
}

const PATH_SAFE = /[A-Za-z0-9\-_.~$&+,/:;=@]/;

/** net/url `escape(s, encodePath)`: what Go puts on the wire for a URL whose Path it was given. */
export function escapeGoPath(s) {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += byte < 0x80 && PATH_SAFE.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** net/url QueryUnescape: '+' is a space; a malformed escape is an error (null). */
function queryUnescape(s) {
  try {
    return /%(?![0-9A-Fa-f]{2})/.test(s) ? null : decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** net/url QueryEscape: everything but letters, digits and `-_.~` escaped, a space as '+'. */
function queryEscape(s) {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * `u.Query()` then `Values.Encode()`, as pkg/api/pluginproxy/utils.go addQueryString does to every
 * routed request: pairs with a ';' or a malformed escape are dropped, keys sorted, values re-escaped.
 * @param {string} rawQuery the query without '?'
 * @param {Array<[string, string]>} extra pairs added after parsing (a route's urlParams)
 */
export function reencodeGoQuery(rawQuery, extra = []) {
  const values = new Map();
  const add = (k, v) => values.set(k, [...(values.get(k) ?? []), v]);
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) {
      continue;
    }
    const eq = pair.indexOf('=');
    const key = queryUnescape(eq < 0 ? pair : pair.slice(0, eq));
    const value = queryUnescape(eq < 0 ? '' : pair.slice(eq + 1));
    if (key !== null && value !== null) {
      add(key, value);
    }
  }
  extra.forEach(([k, v]) => add(k, v));
  return [...values.keys()]
    .sort()
    .flatMap((k) => values.get(k).map((v) => `${queryEscape(k)}=${queryEscape(v)}`))
    .join('&');
}

/**
 * What Go's url.Parse makes of a URL string: `{ scheme, host, path }` (path decoded), or null where
 * it returns an error. A string without "scheme://" parses as a bare path with no scheme and host.
 */
export function parseGoUrl(s) {
  if (/[\x00-\x1f\x7f]/.test(s)) {
    return null;
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(s);
  if (!m) {
    return /^[^/?#]*:/.test(s) && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(s)
      ? null
      : { scheme: '', host: '', path: decodeOrNull(s.split(/[?#]/)[0]) };
  }
  const [, scheme, authority, rawPath] = m;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (/[\s<>"{}|\\^`]/.test(host)) {
    return null;
  }
  const decoded = decodeOrNull(rawPath);
  return decoded === null ? null : { scheme: scheme.toLowerCase(), host, path: decoded };
}

function decodeOrNull(s) {
  try {
    return /%(?![0-9A-Fa-f]{2})/.test(s) ? null : decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * grafana/grafana pkg/api/datasource/validation ValidateURL for a plugin's data source: a URL
 * without "://" gets "http://" in front, so an empty URL becomes "http://" with no host.
 */
export function dataSourceTarget(url) {
  const s = url ?? '';
  return parseGoUrl(/^[^:]*:\/\//.test(s) ? s : `http://${s}`);
}
