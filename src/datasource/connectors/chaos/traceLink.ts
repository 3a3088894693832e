import { ChaosRun } from '../../../model/chaos';
import { encodeSegment } from '../../../model/safeUrl';

/** The tracing data source named in the settings, whose Explore view shows a run's traces. */
export interface TracingSource {
  uid: string;
  type: 'tempo' | 'jaeger';
}

export interface TraceLink {
  title: string;
  url: string;
}

/** A TraceQL string literal: double quotes, with backslash and quote escaped. */
function traceqlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `{ resource.service.name = "a" || resource.service.name = "b" }`: spans of any of the targets. */
export function traceqlForServices(services: string[]): string {
  return `{ ${services.map((s) => `resource.service.name = ${traceqlString(s)}`).join(' || ')} }`;
}

/**
 * Explore's URL state, schema version 1: `panes` is the JSON of {paneId: {datasource, queries,
 * range}} with the range as epoch-millisecond strings
 * (public/app/features/explore/hooks/useStateSync/parseURL.ts and synchronizer/toURL.ts;
 * ExploreUrlState in packages/grafana-data/src/types/explore.ts).
 */
function exploreUrl(base: string, uid: string, queries: object[], from: number, to: number): string {
  const panes = { traces: { datasource: uid, queries, range: { from: String(from), to: String(to) } } };
  return `${base}/explore?schemaVersion=1&panes=${encodeSegment(JSON.stringify(panes))}`;
}

/**
 * Links to the traces of a run's targets during the run (start to end, or to `now` while it runs).
 * Tempo: one TraceQL query over all targets (TempoQuery `queryType: 'traceql'`, `query`, in
 * public/app/plugins/datasource/tempo/dataquery.gen.ts). Jaeger searches one service at a time
 * (JaegerQuery `queryType: 'search'`, `service`, in public/app/plugins/datasource/jaeger/types.ts;
 * its datasource.ts runs only the first query), so Jaeger gets one link per target.
 */
export function traceLinks(run: ChaosRun, tracing: TracingSource | undefined, now: number, base = ''): TraceLink[] {
  if (!tracing?.uid || run.targets.length === 0) {
    return [];
  }
  const from = run.start;
  const to = Math.max(run.end ?? now, from);
  const datasource = { type: tracing.type, uid: tracing.uid };
  if (tracing.type === 'tempo') {
    const query = { refId: 'A', datasource, queryType: 'traceql', query: traceqlForServices(run.targets), filters: [] };
    return [{ title: `Traces of ${run.targets.join(', ')}`, url: exploreUrl(base, tracing.uid, [query], from, to) }];
  }
  return run.targets.map((service) => ({
    title: `Traces of ${service}`,
    url: exploreUrl(base, tracing.uid, [{ refId: 'A', datasource, queryType: 'search', service }], from, to),
  }));
}

/** The tracing source from the settings, when a uid is set; the type defaults to Tempo, as the editor shows. */
export function tracingSource(settings: {
  tracingDatasourceUid?: string;
  tracingDatasourceType?: string;
}): TracingSource | undefined {
  const uid = settings.tracingDatasourceUid?.trim();
  const type = settings.tracingDatasourceType ?? 'tempo';
  return uid && (type === 'tempo' || type === 'jaeger') ? { uid, type } : undefined;
}
