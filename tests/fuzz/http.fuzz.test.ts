/** @jest-environment node */
import fc from 'fast-check';
import { HttpClient } from '../../src/datasource/http/client';
import { collectPages } from '../../src/datasource/http/paging';
import { safeUrl } from '../../src/model/safeUrl';
import { isSafeHref, URL_PAYLOADS } from '../support/xss';
import { hostileJson, hostileString } from './support/arbitraries';
import { fuzz, fuzzSummaryAfterAll, FUZZ_TIMEOUT_MS } from './support/harness';
import { SchemaViolation } from './support/schemas';

const fail = (what: string): never => {
  throw new SchemaViolation(what);
};

/** URL-shaped strings: a scheme (safe or not, any case), separators with control characters, a rest. */
const urlish = fc
  .tuple(
    fc.constantFrom(
      'javascript',
      'JaVaScRiPt',
      'data',
      'vbscript',
      'file',
      'blob',
      'http',
      'https',
      'HTTPS',
      'mailto',
      'ftp',
      ''
    ),
    fc
      .array(fc.constantFrom('', ' ', '\t', '\n', '\r', '\u0000', '\u200b', '\u00a0', '\u2028', '&colon;', '%3A'), {
        maxLength: 3,
      })
      .map((a) => a.join('')),
    fc.constantFrom(':', '://', ':/', ':\\\\', '//', '/', '/\\', '\\\\'),
    fc.oneof(fc.webUrl(), hostileString, fc.constantFrom('alert(1)', 'evil.example.com/x', 'team@example.com'))
  )
  .map(([scheme, sep, colon, rest]) => `${sep}${scheme}${sep}${colon}${rest}`);

const status = fc.oneof(
  fc.constantFrom(200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 408, 413, 429, 500, 502, 503, 504),
  fc.integer({ min: 100, max: 599 })
);
const bodyText = fc.oneof(
  hostileJson.map((j) => JSON.stringify(j) ?? ''),
  hostileJson.chain((j) => fc.nat().map((n) => (JSON.stringify(j) ?? '').slice(0, n % 200))),
  hostileString,
  fc.constantFrom(
    '<!DOCTYPE html><html><body>Sign in</body></html>',
    '  <html>',
    '<HEAD>',
    '\uFEFF{"a":1}',
    '{"a":1}garbage',
    'null',
    ''
  )
);
const retryAfter = fc.constantFrom(
  undefined,
  '0',
  '-1',
  'abc',
  '',
  'Wed, 21 Oct 2015 07:28:00 GMT',
  '0.001',
  'NaN',
  '1e-9'
);

describe('fuzzing the shared HTTP layer: safe URLs, readable errors, bounded paging', () => {
  fuzzSummaryAfterAll('http');

  it(
    'safeUrl returns nothing or an http(s), mailto or in-Grafana link',
    async () => {
      await fuzz(
        'safeUrl',
        fc.oneof(urlish, hostileString, fc.constantFrom(...URL_PAYLOADS.map((p) => p.value)), hostileJson),
        (raw) => safeUrl(raw),
        (out, raw) => {
          if (out === undefined) {
            return;
          }
          typeof out === 'string' || fail(`safeUrl(${JSON.stringify(raw)}) returned a ${typeof out}`);
          isSafeHref(out) || fail(`safeUrl(${JSON.stringify(raw)}) let through ${JSON.stringify(out)}`);
          const resolved = new URL(out, 'https://grafana.example/d/x');
          ['http:', 'https:', 'mailto:'].includes(resolved.protocol) ||
            fail(`${JSON.stringify(out)} resolves to ${resolved.protocol}`);
          !/^\/[/\\]/.test(out) || fail(`${JSON.stringify(out)} leaves Grafana's origin`);
        }
      );
    },
    FUZZ_TIMEOUT_MS
  );

  it(
    'HttpClient.getJson: any status, body and Retry-After end in JSON or a FaultlineError',
    async () => {
      const answers = fc.array(fc.record({ status, text: bodyText, retryAfter }), { minLength: 1, maxLength: 4 });
      await fuzz('HttpClient decode', answers, async (list) => {
        let n = 0;
        const client = new HttpClient({
          where: 'Fuzzed backend',
          backoffMs: 0,
          maxBodyChars: 10_000,
          transport: async () => {
            const a = list[Math.min(n++, list.length - 1)];
            const headers: Record<string, string> = a.retryAfter === undefined ? {} : { 'retry-after': a.retryAfter };
            return { status: a.status, text: a.text, headers };
          },
        });
        return client.getJson({ route: 'api', path: '/x' });
      });
    },
    FUZZ_TIMEOUT_MS
  );

  it(
    'collectPages ends, keeps at most maxItems, or refuses a repeating cursor',
    async () => {
      const page = fc.record({
        items: fc.array(fc.nat(), { maxLength: 20 }),
        next: fc.option(fc.constantFrom('a', 'b', 'c', 'd', ''), { nil: undefined }),
      });
      const arb = fc.record({
        pages: fc.array(page, { minLength: 1, maxLength: 30 }),
        maxItems: fc.integer({ min: 1, max: 200 }),
        maxPages: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      });
      await fuzz(
        'collectPages',
        arb,
        async (c) => {
          let calls = 0;
          const out = await collectPages(async () => c.pages[calls++ % c.pages.length], {
            maxItems: c.maxItems,
            maxPages: c.maxPages,
            where: 'Fuzzed backend',
          });
          return { out, calls };
        },
        ({ out, calls }, c) => {
          out.items.length <= c.maxItems || fail(`${out.items.length} items over maxItems ${c.maxItems}`);
          calls <= (c.maxPages ?? 1000) || fail(`${calls} pages over maxPages`);
        }
      );
    },
    FUZZ_TIMEOUT_MS
  );
});
