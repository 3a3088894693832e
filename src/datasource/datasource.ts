import {
  AnnotationSupport,
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  MetricFindValue,
  ScopedVars,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';
import { isFaultlineError } from '../model';
import { catalogProbes } from './connectors/catalog/probe';
import { chaosProbes } from './connectors/chaos/probe';
import { flowProbes } from './connectors/flow/probe';
import { HANDLERS } from './handlers';
import { QueryContext } from './connectors/context';
import { createAnnotationSupport } from './annotations';
import { checkHealth } from './health';
import { grafanaTransport } from './http/grafanaTransport';
import { Transport } from './http/transport';
import { DEFAULT_QUERY, FaultlineOptions, FaultlineQuery, FaultlineVariableQuery } from './types';
import { findVariableValues } from './variables';

export class FaultlineDataSource extends DataSourceApi<FaultlineQuery, FaultlineOptions> {
  readonly settings: FaultlineOptions;
  readonly transport: Transport;
  private readonly cache = new Map<string, unknown>();
  annotations?: AnnotationSupport<FaultlineQuery>;

  constructor(instanceSettings: DataSourceInstanceSettings<FaultlineOptions>, transport?: Transport) {
    super(instanceSettings);
    this.settings = instanceSettings.jsonData ?? {};
    this.transport = transport ?? grafanaTransport(instanceSettings.url ?? '');
    this.annotations = createAnnotationSupport();
  }

  getDefaultQuery(): Partial<FaultlineQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: FaultlineQuery): boolean {
    return !query.hide;
  }

  /**
   * An Observable rather than a Promise: Grafana unsubscribes when the time range changes or the
   * panel goes away, and that aborts every backend request still in flight.
   */
  query(request: DataQueryRequest<FaultlineQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const abort = new AbortController();
      Promise.all(request.targets.filter((t) => this.filterQuery(t)).map((target) => this.runOne(target, request, abort.signal)))
        .then((results) => {
          // One failing query (a backend down) must not blank the other queries of the panel.
          const errors = results.flatMap((r) => (r.error ? [r.error] : []));
          subscriber.next({ data: results.flatMap((r) => r.frames), errors: errors.length ? errors : undefined });
          subscriber.complete();
        })
        .catch((e) => subscriber.error(e));
      return () => abort.abort();
    });
  }

  private async runOne(target: FaultlineQuery, request: DataQueryRequest<FaultlineQuery>, signal: AbortSignal) {
    const handler = HANDLERS[target.queryType ?? 'services'];
    const ctx = this.context(request.range.from.valueOf(), request.range.to.valueOf(), request.scopedVars, target.refId, signal);
    try {
      const frames = await handler(target, ctx);
      return { frames: frames.map((f) => ({ ...f, refId: target.refId })) as DataFrame[] };
    } catch (e) {
      if (!isFaultlineError(e)) {
        throw e;
      }
      return { frames: [] as DataFrame[], error: { refId: target.refId, message: e.message, status: e.status } };
    }
  }

  /** Exposed for handlers that need another handler's data (flows joining owners and chaos). */
  context(from: number, to: number, scopedVars: ScopedVars = {}, refId = 'A', signal?: AbortSignal): QueryContext {
    return {
      settings: this.settings,
      transport: this.transport,
      range: { from, to },
      scopedVars,
      interpolate: (value, vars) => interpolate(value, { ...scopedVars, ...vars }),
      cache: this.cache,
      signal,
      refId,
    };
  }

  async metricFindQuery(query: FaultlineVariableQuery | string, options?: { range?: { from: { valueOf(): number }; to: { valueOf(): number } }; scopedVars?: ScopedVars }): Promise<MetricFindValue[]> {
    const q: FaultlineVariableQuery = typeof query === 'string' ? { kind: (query as FaultlineVariableQuery['kind']) || 'services' } : query;
    const now = Date.now();
    const ctx = this.context(options?.range?.from.valueOf() ?? now - 3600_000, options?.range?.to.valueOf() ?? now, options?.scopedVars);
    return findVariableValues(q, ctx);
  }

  /**
   * Grafana's settings page shows `message` as the alert's title and `details.verboseMessage`
   * folded below it (DataSourceTestingStatus.tsx): one line per backend says which answered.
   */
  async testDatasource(): Promise<{ status: 'success' | 'error'; message: string; details?: { verboseMessage: string } }> {
    const result = await checkHealth(this.settings, this.transport, [catalogProbes, chaosProbes, flowProbes]);
    const verboseMessage = result.details.map((d) => `${d.ok ? 'OK' : 'FAILED'} ${d.name}: ${d.message}`).join('\n');
    return { status: result.ok ? 'success' : 'error', message: result.message, ...(verboseMessage ? { details: { verboseMessage } } : {}) };
  }
}

function interpolate(value: string | undefined, scopedVars: ScopedVars): string {
  if (!value) {
    return '';
  }
  try {
    return getTemplateSrv().replace(value, scopedVars, 'csv');
  } catch {
    // Outside Grafana (Node tests, the benchmark) there is no template service: values are literal.
    return value;
  }
}
