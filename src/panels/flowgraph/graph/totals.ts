import type { MapGraph } from './types';

/**
 * Fills node bytes/errors/cost from their edges where the nodes frame has no such detail field,
 * so `bytes>10MB` means the same on a Tempo map as on Faultline's. Error share falls back to the
 * worst incoming edge.
 */
export function fillNodeTotals(graph: MapGraph): void {
  const n = graph.nodes.length;
  const bytes = new Float64Array(n);
  const errors = new Float64Array(n);
  const cost = new Float64Array(n);
  const share = new Float64Array(n).fill(NaN);
  const seen = { bytes: false, errors: false, cost: false };
  for (const e of graph.edges) {
    if (e.bytes !== undefined) {
      seen.bytes = true;
      bytes[e.source] += e.bytes;
      bytes[e.target] += e.bytes;
    }
    if (e.errors !== undefined) {
      seen.errors = true;
      errors[e.target] += e.errors;
    }
    if (e.cost !== undefined) {
      seen.cost = true;
      cost[e.source] += e.cost;
    }
    if (e.errorShare !== undefined && !(share[e.target] >= e.errorShare)) {
      share[e.target] = e.errorShare;
    }
  }
  graph.nodes.forEach((node, i) => {
    node.bytes ??= seen.bytes ? bytes[i] : undefined;
    node.errors ??= seen.errors ? errors[i] : undefined;
    node.cost ??= seen.cost ? cost[i] : undefined;
    node.errorShare ??= Number.isNaN(share[i]) ? undefined : share[i];
  });
}
