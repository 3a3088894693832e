import { DEFAULT_FLOW_QUERY, FlowQuery } from '../types';
import { loadJoinedFlowGraph } from '../joins';
import { toNodeGraphFrames } from '../connectors/flow/frames';
import { QueryHandler } from './context';

export const flowsHandler: QueryHandler = async (query, ctx) => {
  const flows = { ...DEFAULT_FLOW_QUERY, ...query.flows };
  // Dashboards switch preset and grouping with variables (`$preset`: beyla when the eBPF exporter runs).
  const preset = ctx.interpolate(flows.preset) as FlowQuery['preset'];
  const grouping = (ctx.interpolate(flows.grouping) || undefined) as FlowQuery['grouping'];
  const result = await loadJoinedFlowGraph(ctx, { ...flows, preset, grouping });
  const frames = toNodeGraphFrames(result.graph, {
    primary: result.primary,
    notices: result.notices,
    pricePerGb: ctx.settings.costPerGb ?? ctx.settings.crossClusterCostPerGb,
    preset,
  });
  frames[0].meta = { ...frames[0].meta, executedQueryString: result.queries.join('\n') };
  return frames;
};
