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
 * `encodeURIComponent` for text from a backend: a lone surrogate (which JSON may carry) makes
 * encodeURIComponent throw, so it is replaced by U+FFFD first.
 */
export function encodeSegment(s: string): string {
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}
