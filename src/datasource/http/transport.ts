/**
 * How a client reaches a backend. In Grafana every call goes through the data proxy
 * (`grafanaTransport`); in Node tests and the benchmark the same clients talk to real backends
 * on loopback through `fetchTransport`, so nothing between client and backend is faked.
 */
export interface TransportRequest {
  /** Data proxy route path from plugin.json (e.g. "backstage"), the first path segment. */
  route: string;
  /** Path below the route, starting with "/". */
  path: string;
  method?: 'GET' | 'POST';
  params?: Record<string, string | number | string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Largest body accepted, in characters: a transport stops reading past it instead of buffering it all. */
  maxBodyChars?: number;
}

export interface TransportResponse {
  status: number;
  /** Raw body text: clients parse it themselves so an HTML login page is a clear error. */
  text: string;
  headers: Record<string, string>;
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

/** Raised by a transport when no HTTP answer arrived at all. */
export class TransportFailure extends Error {
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'timeout' | 'aborted'
  ) {
    super(message);
    this.name = 'TransportFailure';
  }
}

/**
 * The body is larger than the request's `maxBodyChars`. Reported like a cancelled request (no retry,
 * the message shown as is under the backend's name): reading on would only exhaust the browser's memory.
 */
export class BodyTooLarge extends TransportFailure {
  constructor(
    readonly limitChars: number,
    seen: string
  ) {
    super(
      `the response (${seen}) exceeds the ${mb(limitChars)} limit and was not read; narrow the query or the time range`,
      'aborted'
    );
    this.name = 'BodyTooLarge';
  }
}

export function mb(n: number): string {
  return n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KiB` : `${Math.round(n / 1024 / 1024)} MiB`;
}

export function buildQueryString(params: TransportRequest['params']): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      search.append(key, String(v));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
