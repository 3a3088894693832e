import type { MapEdge, MapNode } from './types';

/** Adds node `i`'s totals to the node standing for its group. */
export function addMember(group: MapNode, n: MapNode, i: number): void {
  group.members!.push(i);
  group.bytes = (group.bytes ?? 0) + (n.bytes ?? 0);
  group.errors = add(group.errors, n.errors);
  group.cost = (group.cost ?? 0) + (n.cost ?? 0);
  group.errorShare = Math.max(group.errorShare ?? 0, n.errorShare ?? 0);
  group.chaos ??= n.chaos === 'target' ? 'target' : undefined;
}

/**
 * Maps every edge onto the nodes its ends now belong to (`map[i]` is the new index of old node i)
 * and merges the edges that join the same pair: bytes, requests, errors, cost and weight add up,
 * error share keeps the worst. Edges inside one node go; edges between nodes that stand for
 * themselves only are kept as they are.
 */
export function mergeEdges(edges: MapEdge[], map: Int32Array, nodes: MapNode[]): MapEdge[] {
  return mergeEdgesAt(edges, map, nodes).edges;
}

/**
 * `mergeEdges` over the edges at `only` (ascending indices into `edges`; all when absent), also
 * giving per merged edge the index of the first edge it was made from (its place in the order).
 */
export function mergeEdgesAt(
  edges: MapEdge[],
  map: Int32Array,
  nodes: MapNode[],
  only?: ArrayLike<number>
): { edges: MapEdge[]; first: number[] } {
  const merged = new Map<number, MapEdge>();
  const out: MapEdge[] = [];
  const first: number[] = [];
  const n = nodes.length;
  const count = only ? only.length : edges.length;
  for (let k = 0; k < count; k++) {
    const ei = only ? only[k] : k;
    const e = edges[ei];
    const s = map[e.source];
    const t = map[e.target];
    if (s === t || s < 0 || t < 0) {
      continue;
    }
    if (!nodes[s].members && !nodes[t].members) {
      out.push(s === e.source && t === e.target ? e : { ...e, source: s, target: t });
      first.push(ei);
      continue;
    }
    const key = s * n + t;
    const m = merged.get(key);
    if (!m) {
      const fresh: MapEdge = {
        ...e,
        id: `${nodes[s].id}->${nodes[t].id}`,
        source: s,
        target: t,
        src: undefined,
        mainStat: undefined,
        secondaryStat: undefined,
        thickness: undefined,
      };
      merged.set(key, fresh);
      out.push(fresh);
      first.push(ei);
      continue;
    }
    m.weight += e.weight;
    m.bytes = add(m.bytes, e.bytes);
    m.requests = add(m.requests, e.requests);
    m.cost = add(m.cost, e.cost);
    m.errors = add(m.errors, e.errors);
    m.errorShare = Math.max(m.errorShare ?? 0, e.errorShare ?? 0);
    m.crossZone = m.crossZone || e.crossZone;
    m.diff = m.diff === e.diff ? m.diff : 'changed';
  }
  return { edges: out, first };
}

function add(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}
