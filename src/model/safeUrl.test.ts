import { encodeSegment, isSafeUrl, safeUrl } from './safeUrl';

describe('safeUrl', () => {
  it.each([
    ['https://runbooks.example.com/pay', 'https://runbooks.example.com/pay'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:team@example.com', 'mailto:team@example.com'],
    ['/d/abc/service-health', '/d/abc/service-health'],
  ])('keeps %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com/x',
    '/\\evil.example.com',
    'not a url',
    '',
  ])('rejects %j', (input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(safeUrl(42)).toBeUndefined();
    expect(safeUrl({ url: 'https://x' })).toBeUndefined();
  });
});

describe('isSafeUrl', () => {
  it('agrees with safeUrl, plain URLs and awkward ones alike', () => {
    const urls = [
      'https://github.com/shop/payments',
      'http://runbooks.example/payments?x=1#top',
      'HTTPS://Chat.Example/team-a',
      'https://app.pagerduty.com/service-directory/P1A2',
      'https://a-.b/c',
      'http://localhost',
      'http://1.2.3.999/x',
      'http://1.2.3.4/x',
      'http://host.0x1f/',
      'https://xn--abc.example/',
      'https://xn--nxasmq6b.example/',
      'https://exa mple.com/',
      'https://example.com:99999/',
      'https://example.com:8443/',
      'https://user@example.com/',
      'java\tscript:alert(1)',
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:team@example.com',
      '/catalog/default/component/x',
      '//evil.example',
      'https://[::1]/',
      'https://[::1/',
      'https:///x',
      'https://example.com/ünïcode',
      '',
      undefined,
      42,
    ];
    expect(urls.map(isSafeUrl)).toEqual(urls.map((u) => safeUrl(u) !== undefined));
  });
});

/** 20,000 URLs near the plain http(s) form, with the characters parsers treat apart. */
function nearPlainUrls(): string[] {
  const hosts = [
    'a',
    'chaos.example',
    'Chaos.Example',
    'a-.b',
    '-a.b',
    'x.0x1f',
    '1.2.3.4',
    'xn--nxasmq6b.example',
    'a..b',
    'a.',
    '.a',
  ];
  const pieces = [
    '/',
    'x',
    '.',
    '..',
    '%2e',
    '%2E',
    '%',
    '%41',
    '?',
    '#',
    "'",
    '"',
    '<',
    '`',
    '{',
    '|',
    '^',
    '\\',
    ' ',
    'ü',
    ':',
    '@',
    '=',
    '&',
    '~',
    '-',
    '_',
    ';',
    '+',
    '!',
    '$',
    '(',
    '*',
    ',',
  ];
  let seed = 11;
  const pick = <T>(xs: T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2147483648) % xs.length];
  const urls: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const tail = Array.from({ length: i % 9 }, () => pick(pieces)).join('');
    urls.push(
      `${pick(['http', 'https', 'HTTP', 'hTtPs', 'ftp', 'httpx'])}://${pick(hosts)}${pick(['/', '', ':80/', '/a/', '?', '#'])}${tail}`
    );
  }
  return urls;
}

describe('safeUrl without a parse', () => {
  // The URLs it keeps without parsing must be exactly what the WHATWG parser writes back.
  const viaParser = (u: string) => {
    try {
      const parsed = new URL(u.trim().replace(/[\u0000-\u001F\u007F\s]/g, ''));
      return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined;
    } catch {
      return undefined;
    }
  };

  it('gives what the parser gives, for URLs near the plain form', () => {
    expect(nearPlainUrls().filter((u) => safeUrl(u) !== viaParser(u))).toEqual([]);
  });

  it('isSafeUrl agrees with safeUrl on the same URLs', () => {
    expect(nearPlainUrls().filter((u) => isSafeUrl(u) !== (safeUrl(u) !== undefined))).toEqual([]);
  });
});

describe('encodeSegment', () => {
  it('encodes as encodeURIComponent does, every ASCII character alone and in a word', () => {
    const chars = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
    const inputs = [...chars, ...chars.map((c) => `run-${c}-1`), '', 'ünï', '6f0c1c2e-0002-4e4e'];
    expect(inputs.map(encodeSegment)).toEqual(inputs.map((s) => encodeURIComponent(s)));
  });

  it('replaces a lone surrogate instead of throwing', () => {
    expect(encodeSegment('a\uD800b')).toBe('a%EF%BF%BDb');
  });
});
