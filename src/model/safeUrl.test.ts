import { safeUrl } from './safeUrl';

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
