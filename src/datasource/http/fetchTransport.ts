import { buildQueryString, Transport, TransportFailure } from './transport';

export interface RouteTarget {
  url: string;
  headers?: Record<string, string>;
}

/**
 * A transport over the platform `fetch`, for Node (tests, benchmark, demo tools) and for the preview.
 * `routes` maps a route path to the backend URL and headers the data proxy would apply.
 */
export function fetchTransport(routes: Record<string, RouteTarget>): Transport {
  return async (req) => {
    const target = routes[req.route];
    if (!target) {
      throw new TransportFailure(`no route "${req.route}" is configured`, 'unreachable');
    }
    const url = target.url.replace(/\/$/, '') + req.path + buildQueryString(req.params);
    const timeout = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, {
        method: req.method ?? 'GET',
        headers: {
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...target.headers,
          ...req.headers,
        },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        signal,
      });
      text = await res.text();
    } catch (e) {
      if (timeout.aborted) {
        throw new TransportFailure(`no answer within ${req.timeoutMs} ms`, 'timeout');
      }
      if (req.signal?.aborted) {
        throw new TransportFailure('request cancelled', 'aborted');
      }
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      throw new TransportFailure(`cannot connect to ${target.url}${cause ? ` (${cause})` : ''}`, 'unreachable');
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    return { status: res.status, text, headers };
  };
}
