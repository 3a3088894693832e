import {
  AuthError,
  BackendError,
  BadResponseError,
  FaultlineError,
  TimeoutError,
  UnreachableError,
} from '../../model/errors';
import { BodyTooLarge, mb, Transport, TransportFailure, TransportRequest, TransportResponse } from './transport';

export interface ClientOptions {
  /** Human name of the backend, used in every error message ("Backstage catalog"). */
  where: string;
  transport: Transport;
  timeoutMs?: number;
  /** Attempts for 429/502/503/504 and unreachable, including the first. */
  attempts?: number;
  /** Base back-off; doubled per attempt, and Retry-After wins when the backend sends it. */
  backoffMs?: number;
  /** Largest body accepted, in characters. */
  maxBodyChars?: number;
  /** Extracts the backend's own error message from an error body (PromQL error, GraphQL errors…). */
  errorMessage?: (body: unknown) => string | undefined;
}

export type RequestOptions = Omit<TransportRequest, 'timeoutMs'> & { timeoutMs?: number };

const RETRYABLE = new Set([429, 502, 503, 504]);
const DEFAULTS = { timeoutMs: 15_000, attempts: 3, backoffMs: 250, maxBodyChars: 64 * 1024 * 1024 };

/**
 * The one HTTP client every connector uses: timeout, retry with back-off on transient failures,
 * size limit, JSON decoding and readable errors. Connectors only describe requests and map bodies.
 */
export class HttpClient {
  private readonly opts: ClientOptions & typeof DEFAULTS;

  constructor(opts: ClientOptions) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  get where(): string {
    return this.opts.where;
  }

  async getJson<T = unknown>(req: RequestOptions): Promise<T> {
    const res = await this.send(req);
    return this.decode<T>(res);
  }

  async getText(req: RequestOptions): Promise<string> {
    return (await this.send(req)).text;
  }

  async send(req: RequestOptions): Promise<TransportResponse> {
    const { where, attempts, backoffMs } = this.opts;
    for (let attempt = 1; ; attempt++) {
      let res: TransportResponse;
      try {
        res = await this.opts.transport({
          ...req,
          timeoutMs: req.timeoutMs ?? this.opts.timeoutMs,
          maxBodyChars: this.opts.maxBodyChars,
        });
      } catch (e) {
        if (!(e instanceof TransportFailure)) {
          throw e;
        }
        if (e.reason === 'timeout') {
          throw new TimeoutError(`${e.message}; check that it is up and not overloaded, or raise the timeout`, where);
        }
        if (e instanceof BodyTooLarge) {
          throw new BadResponseError(e.message, where);
        }
        if (e.reason === 'aborted') {
          throw new FaultlineError(e.message, where);
        }
        if (attempt < attempts) {
          await sleep(backoffMs * 2 ** (attempt - 1), req.signal);
          continue;
        }
        throw new UnreachableError(`${e.message}; check its URL in the data source settings`, where);
      }
      if (RETRYABLE.has(res.status) && attempt < attempts) {
        await sleep(retryDelay(res, backoffMs * 2 ** (attempt - 1)), req.signal);
        continue;
      }
      this.check(res);
      return res;
    }
  }

  private check(res: TransportResponse): void {
    const { where, maxBodyChars } = this.opts;
    if (res.text.length > maxBodyChars) {
      // Only reached through transports that cannot stop reading early (Grafana's fetch).
      throw new BadResponseError(
        `the response (${mb(res.text.length)}) exceeds the ${mb(maxBodyChars)} limit; narrow the query or the time range`,
        where,
        res.status
      );
    }
    const grafana = grafanaProxyError(res);
    if (grafana) {
      throw grafana(where);
    }
    if (res.status === 401 || res.status === 403) {
      throw new AuthError(
        `${res.status === 401 ? 'not authenticated (401)' : 'access denied (403)'}; check the token in the data source settings`,
        where,
        res.status
      );
    }
    if (res.status >= 400) {
      const detail = this.backendMessage(res.text);
      const hint = res.status === 429 ? 'rate limited (429); try again later' : `HTTP ${res.status}`;
      throw new BackendError(detail ? `${hint}: ${detail}` : hint, where, res.status);
    }
  }

  private backendMessage(text: string): string | undefined {
    try {
      const body = JSON.parse(text);
      return this.opts.errorMessage?.(body) ?? genericMessage(body);
    } catch {
      return looksLikeHtml(text) ? undefined : text.slice(0, 200).trim() || undefined;
    }
  }

  private decode<T>(res: TransportResponse): T {
    const { where } = this.opts;
    if (looksLikeHtml(res.text)) {
      throw new BadResponseError(
        'answered with an HTML page instead of JSON (a login page or a wrong URL?); check the URL and authentication',
        where,
        res.status
      );
    }
    try {
      return JSON.parse(res.text) as T;
    } catch (e) {
      throw new BadResponseError(`answered with malformed JSON (${(e as Error).message})`, where, res.status);
    }
  }
}

/*
 * What Grafana's data proxy answers itself, never the backend (grafana/grafana
 * pkg/api/pluginproxy/ds_proxy.go and pkg/util/proxyutil/reverse_proxy.go): an upstream 401 is
 * rewritten to a 400 with this text, an unreachable upstream is a 502 and a timed-out one a 504,
 * both without a body, and a route whose reqRole the user lacks is a 403 with this message.
 */
export const GRAFANA_AUTH_FAILED = 'Authentication to data source failed';
const GRAFANA_ROUTE_DENIED = 'plugin proxy route access denied';
const CHECK_URL = 'check its URL in the data source settings, and that the Grafana server can reach it';

function grafanaProxyError(res: TransportResponse): ((where: string) => FaultlineError) | undefined {
  const text = res.text.trim();
  if (res.status === 400 && text === GRAFANA_AUTH_FAILED) {
    return (where) =>
      new AuthError(
        `refused the credentials (Grafana reports the backend's 401 as "${GRAFANA_AUTH_FAILED}"); check the token in the data source settings`,
        where,
        res.status
      );
  }
  if (res.status === 403 && jsonMessage(text) === GRAFANA_ROUTE_DENIED) {
    return (where) =>
      new AuthError(
        `Grafana's data proxy refused the request (${GRAFANA_ROUTE_DENIED}): your Grafana role may not use this route`,
        where,
        res.status
      );
  }
  if (res.status === 502 && (text === '' || looksLikeHtml(text))) {
    return (where) =>
      new UnreachableError(`Grafana's data proxy could not reach the backend (502); ${CHECK_URL}`, where, res.status);
  }
  if (res.status === 504 && (text === '' || looksLikeHtml(text))) {
    return (where) =>
      new TimeoutError(
        `Grafana's data proxy got no answer from the backend in time (504); check that it is up and not overloaded`,
        where,
        res.status
      );
  }
  return undefined;
}

function jsonMessage(text: string): unknown {
  try {
    return (JSON.parse(text) as { message?: unknown })?.message;
  } catch {
    return undefined;
  }
}

function genericMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['error', 'message', 'full_text']) {
      const v = b[key];
      if (typeof v === 'string') {
        return v;
      }
      if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') {
        return (v as { message: string }).message;
      }
    }
  }
  return undefined;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)/i.test(text);
}

function retryDelay(res: TransportResponse, fallback: number): number {
  const header = res.headers['retry-after'];
  if (!header) {
    return fallback;
  }
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  // A backend asking for minutes would freeze the panel: cap it and let the error say so next time.
  return Math.min(Math.max(ms, 0), 10_000);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
