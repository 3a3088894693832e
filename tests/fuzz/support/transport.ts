import fc from 'fast-check';
import type { Transport, TransportRequest } from '../../../src/datasource/http/transport';

/** What can go wrong on the wire, applied to one response of a case. */
export interface Damage {
  /** Index of the request whose response is damaged. */
  at: number;
  status: number;
  /** Cut the body to this many characters (truncated JSON). */
  cut?: number;
  /** Send an HTML page instead of the body. */
  html: boolean;
}

/** One case in four has a damaged response. */
export const damage: fc.Arbitrary<Damage | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({
      at: fc.nat(6),
      status: fc.constantFrom(200, 200, 200, 204, 301, 400, 401, 403, 404, 429, 500, 502, 503, 504),
      cut: fc.option(fc.nat(400), { nil: undefined }),
      html: fc.boolean(),
    }),
  }
);

/**
 * A transport answering from `answer` (a JSON body per request), with one response optionally
 * damaged. Retryable statuses carry `Retry-After: 0` so the client's back-off does not slow the run.
 */
export function fuzzTransport(answer: (req: TransportRequest, n: number) => unknown, hurt: Damage | null): Transport {
  let n = 0;
  return async (req) => {
    const i = n++;
    const body = answer(req, i);
    let text = body === undefined ? '' : JSON.stringify(body);
    let status = 200;
    if (hurt && hurt.at === i) {
      status = hurt.status;
      text = hurt.html
        ? '<!DOCTYPE html><html><body><script>alert(1)</script>Sign in</body></html>'
        : hurt.cut !== undefined
          ? text.slice(0, hurt.cut)
          : text;
    }
    return { status, text, headers: { 'content-type': 'application/json', 'retry-after': '0' } };
  };
}
