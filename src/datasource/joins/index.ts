import { QueryContext } from '../connectors/context';
import { loadServices } from '../connectors/catalog';
import { loadRuns } from '../connectors/chaos';
import { FlowResult, loadFlowGraph } from '../connectors/flow';
import { optional } from '../connectors/optional';
import { FlowQuery } from '../types';
import { activeRuns, joinOwners, markBlastRadius } from './flowJoins';

/**
 * The flow graph with what other sources know of its nodes: owners from the catalog and the blast
 * radius of the chaos runs in the range. Each source is optional: one that fails is a notice, and the
 * graph is still drawn.
 */
export async function loadJoinedFlowGraph(ctx: QueryContext, query: FlowQuery): Promise<FlowResult> {
  const result = await loadFlowGraph(ctx, query);
  const { graph, notices } = result;
  if (query.joinOwners !== false) {
    const services = await optional(notices, 'No owners from the catalog', () => loadServices(ctx));
    if (services && services.length > 0) {
      joinOwners(graph.nodes, services);
    }
  }
  if (query.joinChaos !== false) {
    const runs = await optional(notices, 'No chaos runs', () => loadRuns(ctx, {}));
    runs?.errors.forEach((e) => notices.push({ severity: 'warning', text: `Chaos runs: ${e.message}` }));
    if (runs) {
      markBlastRadius(graph, activeRuns(runs.runs, ctx.range.from, ctx.range.to));
    }
  }
  return result;
}
export { loadRunImpacts } from './runImpact';
