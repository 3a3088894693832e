import { isSafeUrl, safeUrl } from './safeUrl';

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
