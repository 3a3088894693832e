import { DEFAULT_FLOW_QUERY, FaultlineQuery, FlowQuery } from '../types';
import { clusterOverview, clustersFrame } from '../connectors/flow/clusterOverview';
import { QueryContext } from '../connectors/context';
import { loadJoinedFlowGraph } from '../joins';
import { addRunImpact } from '../joins/impactOnMap';
import { toNodeGraphFrames } from '../connectors/flow/frames';
import { QueryHandler } from './context';

/** The query's flows, with the preset and grouping its variables name. */
function flowQueryOf(query: FaultlineQuery, ctx: QueryContext): FlowQuery {
  const flows = { ...DEFAULT_FLOW_QUERY, ...query.flows };
  // Dashboards switch preset and grouping with variables (`$preset`: beyla when the eBPF exporter runs).
  const preset = ctx.interpolate(flows.preset) as FlowQuery['preset'];
  const grouping = (ctx.interpolate(flows.grouping) || undefined) as FlowQuery['grouping'];
  return { ...flows, preset, grouping };
}

/** "Which of my clusters is on fire?": the joined flow graph summed per cluster. */
export const clustersHandler: QueryHandler = async (query, ctx) => {
  const result = await loadJoinedFlowGraph(ctx, { ...flowQueryOf(query, ctx), joinOwners: true, joinChaos: true });
  const f = clustersFrame(clusterOverview(result.graph, result.primary), result.primary);
  f.meta = { ...f.meta, notices: result.notices.length ? result.notices : undefined };
  return [f];
};

export const flowsHandler: QueryHandler = async (query, ctx) => {
  const flows = flowQueryOf(query, ctx);
  const preset = flows.preset;
  const result = await loadJoinedFlowGraph(ctx, flows);
  if (query.impact?.runId) {
    await addRunImpact(
      ctx,
      result.graph,
      result.primary,
      { impact: query.impact, flows, chaos: query.chaos },
      result.notices
    );
  }
  const frames = toNodeGraphFrames(result.graph, {
    primary: result.primary,
    notices: result.notices,
    pricePerGb: ctx.settings.costPerGb ?? ctx.settings.crossClusterCostPerGb,
    preset,
  });
  frames[0].meta = { ...frames[0].meta, executedQueryString: result.queries.join('\n') };
  return frames;
};
