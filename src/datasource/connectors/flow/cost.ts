import { FlowGraph } from '../../../model';

export interface Prices {
  /** Per GB of cross-zone bytes. */
  crossZone?: number;
  /** Per GB of bytes between clusters; such an edge is not priced per zone as well. */
  crossCluster?: number;
}

export interface CostTotals {
  crossZone: number;
  crossCluster: number;
}

/** Prices cross-zone and cross-cluster bytes per edge (GB = 10^9 bytes, as clouds bill) and returns the totals. */
export function applyCost(graph: FlowGraph, prices: Prices): CostTotals {
  const totals: CostTotals = { crossZone: 0, crossCluster: 0 };
  for (const e of graph.edges) {
    if (e.sourceCluster !== undefined && prices.crossCluster) {
      if (e.bytesTotal && e.bytesTotal > 0) {
        e.cost = (e.bytesTotal / 1e9) * prices.crossCluster;
        totals.crossCluster += e.cost;
      }
    } else if (prices.crossZone && e.crossZoneBytesTotal && e.crossZoneBytesTotal > 0) {
      e.cost = (e.crossZoneBytesTotal / 1e9) * prices.crossZone;
      totals.crossZone += e.cost;
    }
  }
  graph.totalCost = totals.crossZone + totals.crossCluster;
  return totals;
}
