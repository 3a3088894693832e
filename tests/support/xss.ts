/**
 * Hostile strings for every field a catalog file, an experiment name or a metric label controls.
 * Each one would run script, load a resource or mislead the reader if a panel rendered it as
 * markup or put it in an href unchecked. Fuzz arbitraries draw from this list too.
 */
export interface Payload {
  name: string;
  value: string;
}

const SCRIPT_URLS: Payload[] = [
  { name: 'javascript: URL', value: 'javascript:alert(1)' },
  { name: 'javascript: URL, mixed case', value: 'JaVaScRiPt:alert(document.domain)' },
  { name: 'javascript: URL, leading space', value: ' javascript:alert(1)' },
  { name: 'javascript: URL, tab inside', value: 'java\tscript:alert(1)' },
  { name: 'javascript: URL, newline inside', value: 'java\nscript:alert(1)' },
  { name: 'javascript: URL, NUL first', value: '\u0000javascript:alert(1)' },
  { name: 'javascript: URL, entity-encoded colon', value: 'javascript&colon;alert(1)' },
  { name: 'javascript: URL, percent-encoded', value: 'javascript%3Aalert(1)' },
  {
    name: 'javascript: URL, numeric entities',
    value: '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  },
  { name: 'javascript: URL, zero-width space', value: 'java\u200bscript:alert(1)' },
  { name: 'data: HTML', value: 'data:text/html,<script>alert(1)</script>' },
  { name: 'data: HTML base64', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'data: SVG', value: 'data:image/svg+xml,<svg onload=alert(1)>' },
  { name: 'vbscript: URL', value: 'vbscript:msgbox(1)' },
  { name: 'protocol-relative URL', value: '//evil.example.com/x' },
  { name: 'backslash host', value: '/\\evil.example.com' },
];

const MARKUP: Payload[] = [
  { name: 'script tag', value: '<script>alert(1)</script>' },
  { name: 'script tag, src', value: '<script src="https://evil.example.com/x.js"></script>' },
  { name: 'img onerror', value: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror, no quotes or spaces', value: '<img/src/onerror=alert(1)>' },
  { name: 'svg onload', value: '<svg onload=alert(1)>' },
  { name: 'svg script', value: '<svg><script>alert(1)</script></svg>' },
  {
    name: 'svg animate href',
    value: '<svg><a><animate attributeName=href values=javascript:alert(1) /><text y=20>x</text></a></svg>',
  },
  { name: 'iframe srcdoc', value: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'anchor javascript', value: '<a href="javascript:alert(1)">click</a>' },
  { name: 'body onload', value: '<body onload=alert(1)>' },
  { name: 'details ontoggle', value: '<details open ontoggle=alert(1)>' },
  { name: 'attribute break-out, double quote', value: '"><img src=x onerror=alert(1)>' },
  { name: 'attribute break-out, single quote', value: "'><svg onload=alert(1)>" },
  { name: 'attribute injection', value: '" onmouseover="alert(1)' },
  { name: 'closing textarea', value: '</textarea><script>alert(1)</script>' },
  { name: 'closing title', value: '</title><script>alert(1)</script>' },
  { name: 'style expression', value: '<div style="background:url(javascript:alert(1))">x</div>' },
  { name: 'template injection', value: '{{constructor.constructor("alert(1)")()}}' },
  { name: 'Grafana variable syntax', value: '${__data.fields.link}<img src=x onerror=alert(1)>' },
  { name: 'markdown link', value: '[click](javascript:alert(1))' },
  { name: 'entity-encoded script', value: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'math href', value: '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>' },
  { name: 'object data', value: '<object data="javascript:alert(1)"></object>' },
  { name: 'meta refresh', value: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
];

const UNICODE: Payload[] = [
  { name: 'right-to-left override', value: 'payments\u202Egpj.exe' },
  { name: 'RTL override around a URL', value: 'https://ok.example.com/\u202Emoc.live//:sptth' },
  { name: 'zero-width characters', value: 'pay\u200Bments\u200C\u200D\uFEFF' },
  { name: 'homoglyph (Cyrillic a)', value: 'p\u0430yments-api' },
  { name: 'combining characters', value: 'z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A' },
  { name: 'lone surrogate', value: 'bad\uD800surrogate' },
  { name: 'NUL and control characters', value: 'a\u0000b\u0007c\u001Bd' },
  { name: 'line and paragraph separators', value: 'line\u2028break\u2029here' },
  { name: 'fullwidth angle brackets', value: '\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E' },
];

const SHAPE: Payload[] = [
  { name: 'prototype key', value: '__proto__' },
  { name: 'constructor key', value: 'constructor' },
  { name: 'very long string (100,000 chars)', value: 'A'.repeat(100_000) },
  { name: 'very long markup (20,000 tags)', value: '<b>'.repeat(20_000) },
  { name: 'empty string', value: '' },
];

export const XSS_PAYLOADS: Payload[] = [...SCRIPT_URLS, ...MARKUP, ...UNICODE, ...SHAPE];

/** The payloads that are URLs meant for an href. */
export const URL_PAYLOADS: Payload[] = SCRIPT_URLS;

/** href values a rendered link may carry: http(s), mailto, or a path inside Grafana. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/\\')) {
    return true;
  }
  return /^(https?:|mailto:)/i.test(href) && !/[\u0000-\u001F\s]/.test(href.slice(0, href.indexOf(':')));
}

/**
 * Problems in a rendered DOM subtree that hostile data could have caused: elements only data can
 * have brought (script, img, svg from text), unsafe hrefs, and inline event handlers.
 * `allowed` lists selectors the component itself renders on purpose (e.g. its own icons).
 */
export function domProblems(root: Element, allowed: { svg?: boolean; img?: boolean } = {}): string[] {
  const problems: string[] = [];
  const forbidden = ['script', 'iframe', 'object', 'embed', 'meta', 'base', 'details', 'math', 'template'];
  if (!allowed.img) {
    forbidden.push('img');
  }
  if (!allowed.svg) {
    forbidden.push('svg');
  }
  for (const tag of forbidden) {
    root.querySelectorAll(tag).forEach(() => problems.push(`<${tag}> element in the rendered output`));
  }
  root.querySelectorAll('*').forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) {
        problems.push(`inline handler ${attr.name} on <${el.tagName.toLowerCase()}>`);
      }
      if (
        (attr.name === 'href' ||
          attr.name === 'xlink:href' ||
          attr.name === 'src' ||
          attr.name === 'action' ||
          attr.name === 'formaction') &&
        attr.value !== ''
      ) {
        if (attr.name !== 'href' || !isSafeHref(attr.value)) {
          if (!(attr.name === 'src' && allowed.img)) {
            problems.push(`${attr.name}="${attr.value.slice(0, 60)}" on <${el.tagName.toLowerCase()}>`);
          }
        }
      }
    }
  });
  return problems;
}
