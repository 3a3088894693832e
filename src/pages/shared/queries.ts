import type { DataQuery, DataSourceRef } from '@grafana/schema';
import { DATASOURCE_TYPE } from '../../constants';
import { ChaosFilter, DEFAULT_FLOW_QUERY, FaultlineQuery, FlowQuery, ImpactQuery } from '../../datasource/types';
import type { PageSettings } from '../../components/AppConfig/settings';

/**
 * The queries the pages send, built in one place so each page asks the data source the same way a
 * dashboard would: every query here could be pasted into a panel of the Faultline data source.
 */
export const faultlineRef = (s: PageSettings): DataSourceRef => ({ type: DATASOURCE_TYPE, uid: s.datasourceUid });
export const metricsRef = (s: PageSettings): DataSourceRef => ({ type: 'prometheus', uid: s.metricsDatasourceUid });

export function scorecardQuery(
  s: PageSettings,
  opts: { by?: 'service' | 'team' | 'rule'; service?: string; team?: string; search?: string; refId?: string } = {}
): FaultlineQuery {
  return {
    refId: opts.refId ?? 'scorecard',
    datasource: faultlineRef(s),
    queryType: 'scorecard',
    catalog: { service: opts.service, owner: opts.team },
    flows: { preset: s.flowPreset },
    scorecard: { config: s.scorecard, by: opts.by ?? 'service', search: opts.search },
  };
}

export function ownershipQuery(s: PageSettings, service: string): FaultlineQuery {
  return { refId: 'ownership', datasource: faultlineRef(s), queryType: 'ownership', catalog: { service } };
}

export function chaosQuery(
  s: PageSettings,
  queryType: 'experiments' | 'timeline',
  chaos: ChaosFilter = {}
): FaultlineQuery {
  return { refId: queryType, datasource: faultlineRef(s), queryType, chaos };
}

export function flowsQuery(s: PageSettings, flows: Partial<FlowQuery> = {}): FaultlineQuery {
  return {
    refId: 'flows',
    datasource: faultlineRef(s),
    queryType: 'flows',
    flows: { ...DEFAULT_FLOW_QUERY, preset: s.flowPreset, ...flows },
  };
}

/** "Which of my clusters is on fire?": the page's flows summed per cluster. */
export function clustersQuery(s: PageSettings): FaultlineQuery {
  return { ...flowsQuery(s), refId: 'clusters', queryType: 'clusters' };
}

/** The measured impact of the runs the filter selects (or of one run), on the page's flow preset. */
export function impactQuery(s: PageSettings, impact: ImpactQuery, chaos: ChaosFilter = {}): FaultlineQuery {
  return {
    refId: 'impact',
    datasource: faultlineRef(s),
    queryType: 'impact',
    flows: { preset: s.flowPreset },
    chaos,
    impact,
  };
}

/** Catalog drift against the page's flows: each gap, or counts per team. */
export function driftQuery(s: PageSettings, by: 'item' | 'team'): FaultlineQuery {
  return {
    refId: `drift-${by}`,
    datasource: faultlineRef(s),
    queryType: 'drift',
    flows: { preset: s.flowPreset },
    drift: { by },
  };
}

/**
 * Chaos runs touching `service` (all runs without one) as regions over the metrics; with `reach`,
 * each ended run's text says what it measurably did ("escaped: degraded checkout (team-checkout)").
 */
export function chaosAnnotation(s: PageSettings, service?: string, opts: { reach?: boolean } = {}) {
  const target: FaultlineQuery = { refId: 'Anno', queryType: 'experiments', chaos: service ? { service } : {} };
  if (opts.reach) {
    target.impact = { inAnnotations: true };
    target.flows = { preset: s.flowPreset };
  }
  return { name: 'Chaos runs', enable: true, iconColor: 'red', datasource: faultlineRef(s), target };
}

/** PromQL string literal: a service name from a URL must not end the label matcher early. */
const literal = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Request rate, 5xx rate and p95 latency of one service, from the usual HTTP server metrics. */
export function keyMetricQueries(
  s: PageSettings,
  service: string
): Array<DataQuery & { expr: string; legendFormat: string }> {
  const sel = `${s.serviceLabel}=${literal(service)}`;
  const q = (refId: string, expr: string, legendFormat: string) => ({
    refId,
    datasource: metricsRef(s),
    expr,
    legendFormat,
  });
  return [
    q('requests', `sum(rate(http_server_requests_total{${sel}}[$__rate_interval]))`, 'requests/s'),
    q('errors', `sum(rate(http_server_requests_total{${sel},code=~"5.."}[$__rate_interval]))`, '5xx/s'),
    q(
      'latency',
      `histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`,
      'p95'
    ),
  ];
}
