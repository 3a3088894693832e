import { getBackendSrv, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { BodyTooLarge, buildQueryString, mb, Transport, TransportFailure } from './transport';

/**
 * Sends requests through Grafana's data proxy: `<instance url>/<route>/<path>`. Secrets are added
 * by the proxy from secureJsonData, so they never reach the browser.
 */
export function grafanaTransport(instanceUrl: string): Transport {
  return async (req) => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), req.timeoutMs);
    req.signal?.addEventListener('abort', () => abort.abort());
    try {
      const res: FetchResponse<string> = await lastValueFrom(
        getBackendSrv().fetch<string>({
          url: `${instanceUrl}/${req.route}${req.path}${buildQueryString(req.params)}`,
          method: req.method ?? 'GET',
          data: req.body,
          headers: req.headers,
          responseType: 'text',
          showErrorAlert: false,
          showSuccessAlert: false,
          abortSignal: abort.signal,
        })
      );
      const headers = headersOf(res.headers);
      const text = res.data ?? '';
      // Grafana's fetch has already buffered the whole body: this can only refuse it before it is parsed.
      if (
        req.maxBodyChars !== undefined &&
        (text.length > req.maxBodyChars || Number(headers['content-length']) > req.maxBodyChars)
      ) {
        throw new BodyTooLarge(req.maxBodyChars, mb(Math.max(text.length, Number(headers['content-length']) || 0)));
      }
      return { status: res.status, text, headers };
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        throw e;
      }
      if (abort.signal.aborted) {
        throw req.signal?.aborted
          ? new TransportFailure('request cancelled', 'aborted')
          : new TransportFailure(`no answer within ${req.timeoutMs} ms`, 'timeout');
      }
      const err = e as FetchError<unknown>;
      if (typeof err?.status === 'number' && err.status > 0) {
        // Grafana's own 502/504 have no body: an absent body is "", not the JSON of "".
        const text = typeof err.data === 'string' ? err.data : err.data === undefined ? '' : JSON.stringify(err.data);
        return { status: err.status, text, headers: {} };
      }
      throw new TransportFailure('the Grafana data proxy could not reach the backend', 'unreachable');
    } finally {
      clearTimeout(timer);
    }
  };
}

function headersOf(h: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  h?.forEach?.((v, k) => (out[k] = v));
  return out;
}
