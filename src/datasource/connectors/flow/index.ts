import { FlowGraph, FlowNotice, InputError, isFaultlineError } from '../../../model';
import { QueryContext } from '../context';
import { FlowGrouping, FlowQuery } from '../../types';
import { lookup } from '../json';
import { optional } from '../optional';
import { applyCost } from './cost';
import { diffGraphs } from './diff';
import { MapStats, mapFlowGraph, MeasureSamples } from './mapper';
import { DEFAULT_CLUSTER_LABEL, groupingLabels, Grouping, Measure, PRESETS, withClusterLabel } from './presets';
import { PrometheusClient } from './promClient';
import { checkLabelName, checkMatchers, measureQuery, rangeVars, replaceRangeVars } from './promql';
import { parseDuration } from './promValues';

export interface FlowResult {
  graph: FlowGraph;
  primary: Measure;
  notices: FlowNotice[];
  /** The PromQL that ran, for the query inspector and the docs. */
  queries: string[];
}

interface Plan {
  primary: Measure;
  grouping: Grouping;
  queries: Array<{ measure: Measure; promql: string; scale?: number }>;
}

const DEFAULT_DIFF_THRESHOLD = 0.5;

/**
 * The flows query: the preset's PromQL as instant queries over the whole range, mapped to one
 * graph, then compared with an earlier range and priced per zone (owners and chaos runs are joined
 * above, in `joins/`). Only the primary measure may fail the query; every other failure of the
 * store becomes a notice on the frames.
 */
export async function loadFlowGraph(ctx: QueryContext, query: FlowQuery): Promise<FlowResult> {
  if (!ctx.settings.prometheusUrl) {
    throw new InputError('no Prometheus URL is configured for flows; set it in the data source settings', 'Flow query');
  }
  const notices: FlowNotice[] = [];
  const client = PrometheusClient.fromSettings(ctx.settings, ctx.transport);
  const { from, to } = ctx.range;
  const plan = planQueries(query, ctx, notices, to - from);
  const graph = await runPlan(client, plan, to, to - from, notices, ctx.signal);

  // A dashboard's empty `$compare` textbox means no comparison.
  const compareWith = ctx.interpolate(query.compareWith).trim();
  const compareMs = compareWith ? parseDuration(compareWith) : undefined;
  if (compareWith && compareMs === undefined) {
    throw new InputError(`"${compareWith}" is not a duration like 1h or 1d`, 'Flow query');
  }
  if (compareMs) {
    const primaryOnly = { ...plan, queries: plan.queries.filter((q) => q.measure === plan.primary) };
    const earlier = await optional(notices, `No comparison with ${compareWith} ago`, () =>
      runPlan(client, primaryOnly, to - compareMs, to - from, [], ctx.signal)
    );
    if (earlier) {
      const d = diffGraphs(graph, earlier, plan.primary, query.diffThreshold ?? DEFAULT_DIFF_THRESHOLD);
      notices.push({
        severity: 'info',
        text: `Compared with ${compareWith} earlier: ${d.new} new, ${d.vanished} vanished, ${d.changed} changed edges.`,
      });
    }
  }
  const crossZone = positive(ctx.settings.costPerGb);
  const crossCluster = positive(ctx.settings.crossClusterCostPerGb);
  if (crossZone !== undefined || crossCluster !== undefined) {
    const totals = applyCost(graph, { crossZone, crossCluster });
    if (totals.crossZone > 0) {
      notices.push({
        severity: 'info',
        text: `Cross-zone traffic in this range costs about ${totals.crossZone.toFixed(2)} at ${crossZone} per GB.`,
      });
    }
    if (totals.crossCluster > 0) {
      notices.push({
        severity: 'info',
        text: `Cross-cluster traffic in this range costs about ${totals.crossCluster.toFixed(2)} at ${crossCluster} per GB.`,
      });
    }
  }
  return { graph, primary: plan.primary, notices, queries: plan.queries.map((q) => q.promql) };
}

const positive = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined);

function planQueries(query: FlowQuery, ctx: QueryContext, notices: FlowNotice[], rangeMs: number): Plan {
  const matchers = checkMatchers(ctx.interpolate(query.matchers));
  const clusterSetting = checkLabelName(ctx.settings.flowClusterLabel, 'cluster label');
  const replica = checkLabelName(ctx.settings.flowReplicaLabel, 'replica label');
  if (query.preset === 'custom') {
    const promql = ctx.interpolate(query.customQuery).trim();
    const source = query.sourceLabel?.trim();
    const target = query.targetLabel?.trim();
    if (!promql || !source || !target) {
      throw new InputError(
        'the custom preset needs PromQL and the names of its source and target labels',
        'Flow query'
      );
    }
    if (matchers) {
      notices.push({ severity: 'info', text: 'Matchers are not applied to custom PromQL: write them into the query.' });
    }
    const v = rangeVars(ctx.range.from, ctx.range.to);
    // A custom query already yields per-second values: scaling by the range makes the mapper's division a no-op.
    return {
      primary: 'requests',
      grouping: withClusterLabel(
        { source: { name: [source] }, target: { name: [target] } },
        clusterSetting ?? DEFAULT_CLUSTER_LABEL
      ),
      queries: [{ measure: 'requests', promql: replaceRangeVars(promql, v), scale: rangeMs / 1000 }],
    };
  }
  const preset = lookup(PRESETS, query.preset);
  if (!preset) {
    throw new InputError(`unknown preset "${String(query.preset)}"`, 'Flow query');
  }
  const wanted: FlowGrouping = query.grouping ?? 'workload';
  let grouping = lookup(preset.groupings, wanted);
  if (!grouping) {
    notices.push({
      severity: 'info',
      text: `${preset.label} metrics carry no ${wanted} labels: grouped by workload instead.`,
    });
    grouping = preset.groupings.workload!;
  }
  grouping = withClusterLabel(grouping, clusterSetting ?? preset.clusterLabel);
  const by = groupingLabels(grouping);
  return {
    primary: preset.primary,
    grouping,
    queries: preset.measures.map((m) => ({
      measure: m.measure,
      promql: measureQuery(m, by, rangeMs, matchers, replica),
      scale: m.scale,
    })),
  };
}

async function runPlan(
  client: PrometheusClient,
  plan: Plan,
  at: number,
  rangeMs: number,
  notices: FlowNotice[],
  signal?: AbortSignal
): Promise<FlowGraph> {
  const settled = await Promise.allSettled(plan.queries.map((q) => client.queryVector(q.promql, at, signal)));
  const results: MeasureSamples[] = [];
  settled.forEach((s, i) => {
    const q = plan.queries[i];
    if (s.status === 'rejected') {
      if (q.measure === plan.primary || !isFaultlineError(s.reason)) {
        throw s.reason;
      }
      notices.push({ severity: 'warning', text: `${q.measure} left out: ${s.reason.message}` });
      return;
    }
    // A global view that lost a store still answers 200 (Thanos partial_response): its warning says the graph lacks part.
    s.value.warnings.forEach((w) => notices.push({ severity: 'warning', text: w }));
    s.value.infos.forEach((w) => notices.push({ severity: 'info', text: w }));
    results.push({ measure: q.measure, samples: s.value.data, scale: q.scale });
  });
  const { graph, stats } = mapFlowGraph(results, plan.grouping, rangeMs / 1000);
  statNotices(stats, plan).forEach((n) => notices.push(n));
  return graph;
}

function statNotices(stats: MapStats, plan: Plan): FlowNotice[] {
  const out: FlowNotice[] = [];
  const names = `${plan.grouping.source.name.join('/')} and ${plan.grouping.target.name.join('/')}`;
  if (stats.series === 0) {
    out.push({
      severity: 'info',
      text: 'The store has no series for this preset in the range: check that the exporter runs and is scraped.',
    });
  }
  if (stats.missingLabels > 0) {
    out.push({ severity: 'warning', text: `${stats.missingLabels} series without ${names} labels were left out.` });
  }
  if (stats.nonFinite > 0) {
    out.push({
      severity: 'warning',
      text: `${stats.nonFinite} series with NaN, infinite or out-of-range values add nothing to the rates; edges and nodes seen only on them are drawn with "no data".`,
    });
  }
  if (stats.negative > 0) {
    out.push({
      severity: 'warning',
      text: `${stats.negative} series with negative values were left out: no flow measure can be below zero.`,
    });
  }
  if (stats.unknownClusterNodes > 0) {
    const label = [...new Set([...(plan.grouping.source.cluster ?? []), ...(plan.grouping.target.cluster ?? [])])];
    out.push({
      severity: 'warning',
      text: `${stats.unknownClusterNodes} nodes come from series without a ${label.join('/')} label (or with an empty one): they are grouped as "unknown cluster".`,
    });
  }
  if (stats.selfLoops > 0) {
    out.push({ severity: 'info', text: `${stats.selfLoops} series from a node to itself are not drawn.` });
  }
  if (stats.unattributedInterZoneBytes > 0) {
    out.push({
      severity: 'info',
      text: `${(stats.unattributedInterZoneBytes / 1e9).toFixed(3)} GB of inter-zone bytes carry no workload labels and are not priced per edge.`,
    });
  }
  return out;
}
