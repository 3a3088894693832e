import { FlowGraph, FlowNotice } from '../../model';
import { loadServices, requireCatalog } from '../connectors/catalog';
import { loadFlowGraph } from '../connectors/flow';
import { optional } from '../connectors/optional';
import { DEFAULT_FLOW_QUERY } from '../types';
import { catalogDrift } from '../joins/drift';
import { driftFrame, driftTeamFrame } from '../joins/driftFrame';
import { QueryHandler } from './context';

/** Catalog drift over the range: the catalog is required, the flows optional (without them only owners are checked). */
export const driftHandler: QueryHandler = async (query, ctx) => {
  requireCatalog(ctx.settings, 'Catalog drift');
  const notices: FlowNotice[] = [];
  const flows = { ...DEFAULT_FLOW_QUERY, ...query.flows, joinOwners: false, joinChaos: false, compareWith: '' };
  const [services, flow] = await Promise.all([
    loadServices(ctx),
    ctx.settings.prometheusUrl
      ? optional(notices, 'No flows', () => loadFlowGraph(ctx, flows))
      : Promise.resolve(undefined),
  ]);
  if (!ctx.settings.prometheusUrl) {
    notices.push({ severity: 'info', text: 'No flow store is configured: only owners are checked.' });
  }
  const graph: FlowGraph = flow?.graph ?? { nodes: [], edges: [] };
  const items = catalogDrift(graph, services);
  const frame = query.drift?.by === 'team' ? driftTeamFrame(items, ctx.refId) : driftFrame(items, ctx.refId);
  frame.meta = { notices: [...(flow?.notices ?? []), ...notices] };
  return [frame];
};
