import { FlowGraph } from '../../../model';

/** Prices cross-zone bytes per edge (GB = 10^9 bytes, as clouds bill) and returns the total. */
export function applyCost(graph: FlowGraph, pricePerGb: number): number {
  let total = 0;
  for (const e of graph.edges) {
    if (e.crossZoneBytesTotal && e.crossZoneBytesTotal > 0) {
      e.cost = (e.crossZoneBytesTotal / 1e9) * pricePerGb;
      total += e.cost;
    }
  }
  graph.totalCost = total;
  return total;
}
