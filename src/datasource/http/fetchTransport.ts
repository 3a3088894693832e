import { BodyTooLarge, buildQueryString, mb, Transport, TransportFailure } from './transport';

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
    const tooLarge = new AbortController();
    const signal = AbortSignal.any([timeout, tooLarge.signal, ...(req.signal ? [req.signal] : [])]);
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
      text = await readCapped(res, req.maxBodyChars, tooLarge);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        throw e;
      }
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

/**
 * The body as text, refusing it as soon as it is known to be too large: from Content-Length before
 * reading anything, else while streaming, so a 200 MB answer never sits in memory whole. Backend
 * JSON is ASCII, so Content-Length in bytes stands for the length in characters.
 */
async function readCapped(res: Response, max: number | undefined, tooLarge: AbortController): Promise<string> {
  if (max === undefined || !res.body) {
    return res.text();
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    tooLarge.abort();
    throw new BodyTooLarge(max, `${mb(declared)} declared by Content-Length`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    const chunk = done ? decoder.decode() : decoder.decode(value, { stream: true });
    length += chunk.length;
    if (length > max) {
      tooLarge.abort();
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(max, `more than ${mb(max)} received`);
    }
    parts.push(chunk);
    if (done) {
      return parts.join('');
    }
  }
}
