const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns the URL when it is safe to put in an href, else undefined. Catalog and chaos fields are
 * written by anyone who can edit a YAML file, so `javascript:`, `data:` and friends never render.
 * Relative links (`/catalog/...`) are kept: they resolve inside Grafana.
 */
export function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') {
    return undefined;
  }
  if (isCanonicalHttp(raw)) {
    return raw;
  }
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so must we.
  const url = raw.trim().replace(/[\u0000-\u001F\u007F\s]/g, '');
  if (url === '') {
    return undefined;
  }
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) {
    return url;
  }
  try {
    const parsed = new URL(url);
    return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `s` is an http(s) URL of plain host labels (the last one starting with a letter, so
 * never an IPv4 address), no port or user info, and printable ASCII after the host: the WHATWG
 * parser accepts every such URL. Read by hand, as `^https?://(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*
 * (?:[/?#][\x21-\x7E]*)?$` (any case) would, because the catalog checks three links per entity.
 */
function isPlainHttp(s: string): boolean {
  const n = s.length;
  const lower = (i: number) => s.charCodeAt(i) | 32;
  if (lower(0) !== 104 || lower(1) !== 116 || lower(2) !== 116 || lower(3) !== 112) {
    return false;
  }
  let i = lower(4) === 115 ? 5 : 4;
  if (s.charCodeAt(i) !== 58 || s.charCodeAt(i + 1) !== 47 || s.charCodeAt(i + 2) !== 47) {
    return false;
  }
  i += 3;
  let label = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const letter = (c | 32) >= 97 && (c | 32) <= 122;
    if (c === 46 && i > label) {
      label = i + 1;
    } else if (!letter && !(c >= 48 && c <= 57) && c !== 45) {
      break;
    }
  }
  if (i === label || lower(label) < 97 || lower(label) > 122) {
    return false;
  }
  if (i < n && s.charCodeAt(i) !== 47 && s.charCodeAt(i) !== 63 && s.charCodeAt(i) !== 35) {
    return false;
  }
  for (i++; i < n; i++) {
    if (s.charCodeAt(i) < 0x21 || s.charCodeAt(i) > 0x7e) {
      return false;
    }
  }
  return true;
}

/**
 * An http(s) URL as the WHATWG parser writes it back: a lower-case plain host, a path, and after
 * it only characters no part of the URL escapes, with no dot segment ("/." or an escaped dot) to
 * resolve. Such a URL is its own `href`, so the links of 5,000 runs need no parse.
 */
const CANONICAL_HTTP = /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[A-Za-z0-9\-._~!$&()*+,;=:@/?#%]*$/;
const DOT_SEGMENT = /\/\.|%2e|xn--/i;

function isCanonicalHttp(url: string): boolean {
  return CANONICAL_HTTP.test(url) && !DOT_SEGMENT.test(url);
}

/** Whether `safeUrl` keeps the URL, without building the parsed URL when that is plain. */
export function isSafeUrl(raw: unknown): boolean {
  if (typeof raw === 'string' && isPlainHttp(raw) && !/xn--/i.test(raw)) {
    return true;
  }
  return safeUrl(raw) !== undefined;
}

/** The characters encodeURIComponent leaves as they are (ECMA-262 uriUnreserved): ids usually are only these. */
const UNESCAPED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/**
 * `encodeURIComponent` for text from a backend: a lone surrogate (which JSON may carry) makes
 * encodeURIComponent throw, so it is replaced by U+FFFD first.
 */
export function encodeSegment(s: string): string {
  if (UNESCAPED.test(s)) {
    return s;
  }
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}
