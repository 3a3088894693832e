import { BackendError, BadResponseError, encodeSegment } from '../../../model';
import { HttpClient } from '../../http/client';
import { Transport } from '../../http/transport';
import { FaultlineOptions } from '../../types';
import { strs } from '../json';
import { PromAnswer, PromEnvelope, PromQueryData, PromVectorSample } from './promTypes';
import { promTime } from './promValues';

export const PROMETHEUS_WHERE = 'Prometheus store';

/**
 * The data proxy route for the store. Grafana sets every header a route lists, even when its template
 * renders empty (pkg/api/pluginproxy/utils.go addHeaders), and an empty X-Scope-OrgID is a tenant ""
 * to Mimir and Cortex (dskit user.ExtractOrgIDFromHTTPRequest), not an absent one: so the tenant
 * header lives on a route of its own, used only when a tenant is set.
 */
export function prometheusRoute(settings: Pick<FaultlineOptions, 'prometheusTenant'>): 'prometheus' | 'promtenant' {
  return settings.prometheusTenant?.trim() ? 'promtenant' : 'prometheus';
}

/**
 * Thanos Query's own parameters (docs/components/query.md "Deduplication Enabled", "Partial Response
 * Strategy"), sent only when set: Prometheus and VictoriaMetrics ignore form values they do not know.
 */
export function thanosParams(settings: Pick<FaultlineOptions, 'thanosDedup' | 'thanosPartialResponse'>) {
  const out: Record<string, string> = {};
  if (settings.thanosDedup !== undefined) {
    out.dedup = String(settings.thanosDedup);
  }
  if (settings.thanosPartialResponse !== undefined) {
    out.partial_response = String(settings.thanosPartialResponse);
  }
  return out;
}

/** Prometheus states an error as `errorType` + `error`; show it exactly so. */
export function promErrorMessage(body: unknown): string | undefined {
  const b = body as PromEnvelope<unknown> | undefined;
  if (!b || typeof b !== 'object' || typeof b.error !== 'string') {
    return undefined;
  }
  return b.errorType ? `${b.errorType}: ${b.error}` : b.error;
}

/**
 * Client of any Prometheus-compatible HTTP API through the `prometheus` (or `promtenant`) data proxy route.
 * Only instant queries, series and label look-ups: a flow graph is one value per edge.
 */
export class PrometheusClient {
  constructor(
    private readonly http: HttpClient,
    /** Sent as the `timeout` parameter so the store gives up before the HTTP client does. */
    private readonly timeoutMs = 15_000,
    private readonly route: 'prometheus' | 'promtenant' = 'prometheus',
    /** Query parameters of the store beyond Prometheus' own (Thanos `dedup`, `partial_response`). */
    private readonly storeParams: Record<string, string> = {}
  ) {}

  static fromSettings(settings: FaultlineOptions, transport: Transport): PrometheusClient {
    const timeoutMs = (settings.timeoutSeconds ?? 15) * 1000;
    const http = new HttpClient({
      where: PROMETHEUS_WHERE,
      transport,
      timeoutMs: timeoutMs + 2000,
      errorMessage: promErrorMessage,
    });
    return new PrometheusClient(http, timeoutMs, prometheusRoute(settings), thanosParams(settings));
  }

  /** Instant query at `timeMs`; the result must be a vector (every flow preset sums by labels). */
  async queryVector(promql: string, timeMs: number, signal?: AbortSignal): Promise<PromAnswer<PromVectorSample[]>> {
    const answer = await this.get<PromQueryData>(
      '/api/v1/query',
      { query: promql, time: promTime(timeMs), timeout: this.timeoutParam(), ...this.storeParams },
      signal
    );
    const d = answer.data;
    if (!d || typeof d !== 'object' || !Array.isArray(d.result)) {
      throw new BadResponseError('answered a query without data.result', PROMETHEUS_WHERE);
    }
    if (d.resultType !== 'vector') {
      throw new BadResponseError(
        `returned a ${String(d.resultType)} where an instant vector was expected; the query must aggregate to one value per edge`,
        PROMETHEUS_WHERE
      );
    }
    return { ...answer, data: d.result as PromVectorSample[] };
  }

  async queryRange(
    promql: string,
    startMs: number,
    endMs: number,
    stepMs: number,
    signal?: AbortSignal
  ): Promise<PromAnswer<PromQueryData>> {
    const step = `${Math.max(1, Math.round(stepMs / 1000))}s`;
    return this.get<PromQueryData>(
      '/api/v1/query_range',
      {
        query: promql,
        start: promTime(startMs),
        end: promTime(endMs),
        step,
        timeout: this.timeoutParam(),
        ...this.storeParams,
      },
      signal
    );
  }

  async series(match: string[], startMs: number, endMs: number): Promise<PromAnswer<Array<Record<string, string>>>> {
    return this.getArray('/api/v1/series', { 'match[]': match, start: promTime(startMs), end: promTime(endMs) });
  }

  async labels(startMs: number, endMs: number, match: string[] = []): Promise<PromAnswer<string[]>> {
    return this.getArray('/api/v1/labels', {
      'match[]': match.length ? match : undefined,
      start: promTime(startMs),
      end: promTime(endMs),
    });
  }

  async labelValues(
    label: string,
    startMs: number,
    endMs: number,
    match: string[] = []
  ): Promise<PromAnswer<string[]>> {
    return this.getArray(`/api/v1/label/${encodeSegment(label)}/values`, {
      'match[]': match.length ? match : undefined,
      start: promTime(startMs),
      end: promTime(endMs),
    });
  }

  private timeoutParam(): string {
    return `${Math.max(1, Math.round(this.timeoutMs / 1000))}s`;
  }

  private async getArray<T>(
    path: string,
    params: Record<string, string | string[] | undefined>
  ): Promise<PromAnswer<T[]>> {
    const answer = await this.get<T[]>(path, params);
    if (!Array.isArray(answer.data)) {
      throw new BadResponseError(`answered ${path} without a data array`, PROMETHEUS_WHERE);
    }
    return answer;
  }

  private async get<T>(
    path: string,
    params: Record<string, string | string[] | undefined>,
    signal?: AbortSignal
  ): Promise<PromAnswer<T>> {
    const body = await this.http.getJson<PromEnvelope<T>>({ route: this.route, path, params, signal });
    if (!body || typeof body !== 'object' || (body.status !== 'success' && body.status !== 'error')) {
      throw new BadResponseError('answered, but not like a Prometheus API (no "status")', PROMETHEUS_WHERE);
    }
    // Some proxies answer 200 with status "error": treat it like Prometheus' own 4xx.
    if (body.status === 'error') {
      throw new BackendError(promErrorMessage(body) ?? 'the query failed without a message', PROMETHEUS_WHERE);
    }
    return { data: body.data as T, warnings: strs(body.warnings), infos: strs(body.infos) };
  }
}
