import { EdgeChange, FlowEdge, FlowGraph, FlowNotice, RunImpact } from '../../model';
import { QueryContext } from '../connectors/context';
import { loadFlowGraph } from '../connectors/flow';
import { primaryRate } from '../connectors/flow/diff';
import { edgeKey } from '../connectors/flow/mapper';
import { Measure } from '../connectors/flow/presets';
import { parseDuration } from '../connectors/flow/promValues';
import { optional } from '../connectors/optional';
import { ChaosFilter, FlowQuery, ImpactQuery } from '../types';
import {
  MAX_TRAFFIC_RATIO,
  MIN_ERROR_SHARE_RISE,
  MIN_LATENCY_RATIO,
  MIN_LATENCY_RISE_S,
  ms,
  pct,
  reachText,
} from './impact';
import { DEFAULT_RATE_WINDOW_MS, loadRunImpacts } from './runImpact';

const errorShare = (e: FlowEdge) =>
  e.requestRate && e.errorRate !== undefined ? Math.min(1, e.errorRate / e.requestRate) : undefined;

/**
 * How one edge moved from the baseline window to the run window. Each window is one reading (the
 * flow query's average over it), so there is no noise band as for a service: only the minimum
 * effect sizes a service must pass count here. Errors first, then lost traffic, then latency: the
 * order in which they tell what the fault did to the callers.
 */
export function edgeChange(before: FlowEdge | undefined, during: FlowEdge | undefined, primary: Measure): EdgeChange {
  if (!before) {
    return during ? { kind: 'traffic', reasons: ['new during the run'] } : { kind: 'none', reasons: [] };
  }
  const then = primaryRate(before, primary);
  const now = during ? primaryRate(during, primary) : 0;
  const shareThen = errorShare(before) ?? 0;
  const shareNow = during ? errorShare(during) : undefined;
  if (shareNow !== undefined && shareNow - shareThen >= MIN_ERROR_SHARE_RISE) {
    return { kind: 'errors', reasons: [`error share ${pct(shareThen)} → ${pct(shareNow)}`] };
  }
  if (then > 0 && now <= then * MAX_TRAFFIC_RATIO) {
    const reason = now === 0 ? 'no traffic during the run' : `traffic ${pct(now / then - 1)}`;
    return { kind: 'traffic', reasons: [reason] };
  }
  const lThen = before.latencyP95;
  const lNow = during?.latencyP95;
  if (
    lThen !== undefined &&
    lNow !== undefined &&
    lNow >= lThen * MIN_LATENCY_RATIO &&
    lNow - lThen >= MIN_LATENCY_RISE_S
  ) {
    return { kind: 'latency', reasons: [`p95 latency ${ms(lThen)} → ${ms(lNow)}`] };
  }
  return { kind: 'none', reasons: [] };
}

/**
 * Writes a run's measured impact onto the map: each measured service's level on its node, and each
 * edge's change between the run's baseline and run windows. Only nodes the impact measured get a
 * level; an edge seen in neither window gets no change.
 */
export function joinImpact(
  graph: FlowGraph,
  impact: RunImpact,
  baseline: FlowGraph,
  during: FlowGraph,
  primary: Measure
): void {
  const levels = new Map(impact.services.map((s) => [s.id, s]));
  for (const node of graph.nodes) {
    const s = levels.get(node.id);
    if (s) {
      node.impact = { level: s.impact, reasons: s.reasons };
    }
  }
  const before = new Map(baseline.edges.map((e) => [edgeKey(e.source, e.target), e]));
  const now = new Map(during.edges.map((e) => [edgeKey(e.source, e.target), e]));
  for (const e of graph.edges) {
    const key = edgeKey(e.source, e.target);
    if (before.has(key) || now.has(key)) {
      e.impactChange = edgeChange(before.get(key), now.get(key), primary);
    }
  }
}

export interface MapImpactRequest {
  impact: ImpactQuery;
  flows: FlowQuery;
  chaos?: ChaosFilter;
}

/**
 * The flow map of a chaos run's impact: the run is measured as by the impact query, and the map's
 * flows are read once over the baseline window and once over the run window for the edges. Without a
 * run id nothing is asked. A failure is a notice: the map is still drawn, without the impact.
 */
export async function addRunImpact(
  ctx: QueryContext,
  graph: FlowGraph,
  primary: Measure,
  req: MapImpactRequest,
  notices: FlowNotice[],
  now = Date.now()
): Promise<number> {
  const runId = ctx.interpolate(req.impact.runId).trim();
  if (!runId) {
    return 0;
  }
  if ((req.flows.grouping ?? 'workload') !== 'workload') {
    notices.push({
      severity: 'info',
      text: 'The impact of a run is measured per workload: group by workload to see it.',
    });
    return 0;
  }
  const flows: FlowQuery = { ...req.flows, compareWith: '' };
  const loaded = await optional(notices, `No impact of run ${runId}`, async () => {
    const result = await loadRunImpacts(ctx, { impact: { ...req.impact, runId }, flows, chaos: req.chaos });
    const impact = result.impacts[0];
    const window = (from: number, to: number) => loadFlowGraph({ ...ctx, range: { from, to } }, flows);
    // As for the services: rates lag the fault by their window, and a rate needs two scrapes, so
    // the run is read up to one window after its end and over at least two windows.
    const rateMs = parseDuration(ctx.interpolate(req.impact.rateWindow)) ?? DEFAULT_RATE_WINDOW_MS;
    const runTo = Math.min(now, Math.max(impact.to + rateMs, impact.from + 2 * rateMs));
    const [baseline, during] = await Promise.all([
      window(impact.baselineFrom, impact.baselineTo),
      window(impact.from, Math.max(runTo, impact.from + 1)),
    ]);
    return { result, impact, baseline, during };
  });
  if (!loaded) {
    return 0;
  }
  const { result, impact, baseline, during } = loaded;
  result.notices.forEach((n) => notices.push(n));
  joinImpact(graph, impact, baseline.graph, during.graph, primary);
  const notes = impact.notes.length > 0 ? ` (${impact.notes.join('; ')})` : '';
  notices.push({ severity: 'info', text: `Run ${impact.runName}: ${reachText(impact)}${notes}.` });
  return (result.storeQueries[0] ?? 0) + baseline.queries.length + during.queries.length;
}
