/**
 * Grafana's Prometheus data source is a core plugin, not in any package, so the preview carries a
 * small one: range and instant queries through the same data proxy, legend formats, and
 * label_values()/query_result() variables. It is enough to draw the example dashboards' panels.
 */
import {
  DataFrame,
  DataQuery,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  FieldType,
  MetricFindValue,
  ScopedVars,
} from '@grafana/data';
import { getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';

interface PromQuery extends DataQuery {
  expr?: string;
  legendFormat?: string;
  instant?: boolean;
  range?: boolean;
  interval?: string;
}
type Sample = [number, string];
interface PromSeries {
  metric: Record<string, string>;
  values?: Sample[];
  value?: Sample;
}
interface PromResponse {
  status: string;
  data: { resultType: string; result: PromSeries[] | Sample };
  error?: string;
}

const num = (s: string) => (s === '+Inf' ? Infinity : s === '-Inf' ? -Infinity : Number(s));

function legend(format: string | undefined, metric: Record<string, string>): string {
  if (format && format !== '__auto') {
    return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => metric[k] ?? '');
  }
  const { __name__, ...labels } = metric;
  const inner = Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(', ');
  return inner ? `${__name__ ?? ''}{${inner}}` : (__name__ ?? 'value');
}

export class PreviewPrometheus extends DataSourceApi<PromQuery> {
  private readonly url: string;
  private readonly minStep: number;

  constructor(settings: DataSourceInstanceSettings) {
    super(settings);
    this.url = settings.url ?? '';
    this.minStep = parseInt(String((settings.jsonData as { timeInterval?: string }).timeInterval ?? '15'), 10) || 15;
  }

  private async get(path: string, params: Record<string, string | number>): Promise<PromResponse> {
    const res = await lastValueFrom(
      getBackendSrv().fetch<PromResponse>({ url: `${this.url}${path}`, params, showErrorAlert: false })
    ).catch((e) => {
      throw new Error(e?.data?.error ?? e?.data?.message ?? `Prometheus answered HTTP ${e?.status}`);
    });
    return res.data;
  }

  private interpolate(expr: string, request: DataQueryRequest<PromQuery>, step: number): string {
    const rangeS = Math.round((request.range.to.valueOf() - request.range.from.valueOf()) / 1000);
    const vars: ScopedVars = {
      ...request.scopedVars,
      __rate_interval: { text: `${Math.max(4 * this.minStep, step + this.minStep)}s`, value: `${Math.max(4 * this.minStep, step + this.minStep)}s` },
      __interval: { text: `${step}s`, value: `${step}s` },
      __range: { text: `${rangeS}s`, value: `${rangeS}s` },
    };
    return getTemplateSrv().replace(expr, vars, 'regex');
  }

  async query(request: DataQueryRequest<PromQuery>): Promise<DataQueryResponse> {
    const from = Math.floor(request.range.from.valueOf() / 1000);
    const to = Math.ceil(request.range.to.valueOf() / 1000);
    const step = Math.max(this.minStep, Math.ceil((to - from) / Math.max(request.maxDataPoints ?? 1000, 1)));
    const targets = request.targets.filter((t) => !t.hide && t.expr);
    const frames = await Promise.all(
      targets.map(async (t) => {
        const query = this.interpolate(t.expr!, request, step);
        const res = t.instant
          ? await this.get('/api/v1/query', { query, time: to })
          : await this.get('/api/v1/query_range', { query, start: from, end: to, step });
        return this.toFrames(res, t);
      })
    );
    return { data: frames.flat() };
  }

  private toFrames(res: PromResponse, t: PromQuery): DataFrame[] {
    const result = Array.isArray(res.data.result) ? (res.data.result as PromSeries[]) : [];
    return result.map((s) => {
      const samples = s.values ?? (s.value ? [s.value] : []);
      const name = legend(t.legendFormat, s.metric);
      return {
        refId: t.refId,
        name,
        length: samples.length,
        fields: [
          { name: 'Time', type: FieldType.time, config: {}, values: samples.map((v) => v[0] * 1000) },
          { name: 'Value', type: FieldType.number, config: { displayNameFromDS: name }, labels: s.metric, values: samples.map((v) => num(v[1])) },
        ],
      };
    });
  }

  async metricFindQuery(query: string, options?: { range?: DataQueryRequest['range'] }): Promise<MetricFindValue[]> {
    const q = getTemplateSrv().replace(query, {}, 'regex');
    const end = Math.ceil((options?.range?.to.valueOf() ?? Date.now()) / 1000);
    const start = Math.floor((options?.range?.from.valueOf() ?? Date.now() - 3600_000) / 1000);
    const labelValues = q.match(/^label_values\((?:(.+),\s*)?(\w+)\)\s*$/);
    if (labelValues) {
      const [, selector, label] = labelValues;
      const params: Record<string, string | number> = { start, end };
      if (selector) {
        params['match[]'] = selector;
      }
      const res = (await this.get(`/api/v1/label/${label}/values`, params)) as unknown as { data: string[] };
      return res.data.map((text) => ({ text }));
    }
    const queryResult = q.match(/^query_result\((.+)\)\s*$/);
    const res = await this.get('/api/v1/query', { query: queryResult ? queryResult[1] : q, time: end });
    return (Array.isArray(res.data.result) ? (res.data.result as PromSeries[]) : []).map((s) => ({ text: legend(undefined, s.metric) }));
  }

  async testDatasource() {
    await this.get('/api/v1/query', { query: '1+1' });
    return { status: 'success', message: 'Prometheus answered' };
  }
}
