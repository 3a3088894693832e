import type { MapEdge, MapGraph, MapNode } from '../graph/types';

/** A small graph from `a>b` pairs, for tests. */
export function graphOf(
  pairs: string[],
  nodeOver: Record<string, Partial<MapNode>> = {},
  edgeOver: Record<string, Partial<MapEdge>> = {}
): MapGraph {
  const nodes: MapNode[] = [];
  const index = new Map<string, number>();
  const add = (id: string) => {
    if (!index.has(id)) {
      index.set(id, nodes.length);
      nodes.push({ id, title: id, ...nodeOver[id] });
    }
    return index.get(id)!;
  };
  Object.keys(nodeOver).forEach(add);
  const edges: MapEdge[] = pairs.map((p) => {
    const [s, t] = p.split('>');
    return { id: p, source: add(s), target: add(t), weight: 1, ...edgeOver[p] };
  });
  return { nodes, edges, index };
}
