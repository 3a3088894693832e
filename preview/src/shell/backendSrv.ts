/**
 * Grafana's BackendSrv over window.fetch: what plugins reach through getBackendSrv(). Errors have
 * Grafana's FetchError shape ({status, statusText, data, config}) so plugin error handling sees
 * what it sees in Grafana.
 */
import { Observable } from 'rxjs';
import { lastValueFrom } from 'rxjs';
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';

function withParams(url: string, params: BackendSrvRequest['params']): string {
  if (!params || typeof params !== 'object') {
    return url;
  }
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item !== undefined && item !== null) {
        q.append(k, String(item));
      }
    }
  }
  const s = q.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

function bodyOf(data: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (data === undefined || data === null) {
    return undefined;
  }
  if (typeof data === 'string' || data instanceof FormData || data instanceof Blob || data instanceof URLSearchParams) {
    return data;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(data);
}

async function parse(res: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  if (responseType === 'text') {
    return res.text();
  }
  if (responseType === 'blob') {
    return res.blob();
  }
  if (responseType === 'arraybuffer') {
    return res.arrayBuffer();
  }
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function doFetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable<FetchResponse<T>>((subscriber) => {
    const abort = new AbortController();
    options.abortSignal?.addEventListener('abort', () => abort.abort());
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const url = withParams(options.url, options.params);
    const init: RequestInit = { method: options.method ?? 'GET', headers, signal: abort.signal };
    init.body = bodyOf(options.data, headers);
    fetch(url, init)
      .then(async (res) => {
        const data = await parse(res, options.responseType);
        const response = { data: data as T, status: res.status, statusText: res.statusText, ok: res.ok, headers: res.headers, redirected: res.redirected, type: res.type, url: res.url, config: options };
        if (!res.ok) {
          const err: FetchError = { status: res.status, statusText: res.statusText, data, config: options };
          subscriber.error(err);
          return;
        }
        subscriber.next(response);
        subscriber.complete();
      })
      .catch((e) => {
        const err: FetchError = { status: 0, statusText: String(e?.message ?? e), data: { message: String(e?.message ?? e) }, config: options, cancelled: abort.signal.aborted };
        subscriber.error(err);
      });
    return () => abort.abort();
  });
}

const request = <T>(options: BackendSrvRequest) => lastValueFrom(doFetch<T>(options)).then((r) => r.data);

export const previewBackendSrv = {
  fetch: doFetch,
  request,
  datasourceRequest: <T>(options: BackendSrvRequest) => lastValueFrom(doFetch<T>(options)),
  get: <T>(url: string, params?: BackendSrvRequest['params'], requestId?: string, options?: Partial<BackendSrvRequest>) =>
    request<T>({ ...options, url, params, requestId }),
  delete: <T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) => request<T>({ ...options, url, data, method: 'DELETE' }),
  post: <T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) => request<T>({ ...options, url, data, method: 'POST' }),
  patch: <T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) => request<T>({ ...options, url, data, method: 'PATCH' }),
  put: <T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>) => request<T>({ ...options, url, data, method: 'PUT' }),
  resolveCancelerIfExists: () => {},
  chunked: () => {
    throw new Error('streaming responses are not part of the preview');
  },
} as unknown as BackendSrv;
