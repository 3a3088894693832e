import { type Adjacency, hopDistances } from './adjacency';
import type { MapEdge } from './types';

export interface Paths {
  /** 1 for nodes on the lit paths. */
  nodes: Uint8Array;
  /** 1 for edges on the lit paths. */
  edges: Uint8Array;
  /** Callers and callees found at each depth (index 0 is depth 1). */
  callers: number[];
  callees: number[];
}

function perDepth(dist: Int32Array, depth: number): number[] {
  const counts = new Array<number>(depth).fill(0);
  for (const d of dist) {
    if (d > 0) {
      counts[d - 1]++;
    }
  }
  while (counts.length && counts[counts.length - 1] === 0) {
    counts.pop();
  }
  return counts;
}

/**
 * Everything that calls `from` and everything it calls, transitively up to `depth` hops: the
 * edges lit are the ones that step one hop further away along a caller or callee chain.
 */
export function pathsOf(adj: Adjacency, edges: MapEdge[], from: number, depth: number): Paths {
  const up = hopDistances(adj, [from], depth, 'in');
  const down = hopDistances(adj, [from], depth, 'out');
  const n = up.length;
  const nodes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = up[i] >= 0 || down[i] >= 0 ? 1 : 0;
  }
  const lit = new Uint8Array(edges.length);
  edges.forEach((e, k) => {
    const s = e.source;
    const t = e.target;
    lit[k] =
      (up[s] > 0 && up[t] >= 0 && up[s] === up[t] + 1) || (down[t] > 0 && down[s] >= 0 && down[t] === down[s] + 1)
        ? 1
        : 0;
  });
  return { nodes, edges: lit, callers: perDepth(up, depth), callees: perDepth(down, depth) };
}

/** Only what lies on a call path from `a` to `b` of at most `depth` hops. */
export function pathsBetween(adj: Adjacency, edges: MapEdge[], a: number, b: number, depth: number): Paths {
  const fromA = hopDistances(adj, [a], depth, 'out');
  const toB = hopDistances(adj, [b], depth, 'in');
  const n = fromA.length;
  const nodes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = fromA[i] >= 0 && toB[i] >= 0 && fromA[i] + toB[i] <= depth ? 1 : 0;
  }
  const lit = new Uint8Array(edges.length);
  edges.forEach((e, k) => {
    const s = e.source;
    const t = e.target;
    lit[k] = nodes[s] && nodes[t] && fromA[t] === fromA[s] + 1 && fromA[s] + 1 + toB[t] <= depth ? 1 : 0;
  });
  return { nodes, edges: lit, callers: perDepth(toB, depth), callees: perDepth(fromA, depth) };
}

/** One line for the status and the toolbar: "3 callers (2 at 1 hop, 1 at 2), 5 callees (…)". */
export function describePaths(p: Paths): string {
  const part = (name: string, counts: number[]) => {
    const total = counts.reduce((s, c) => s + c, 0);
    const depths = counts.map((c, i) => `${c} at ${i + 1}`).join(', ');
    return `${total} ${name}${total ? ` (${depths} hop${counts.length > 1 ? 's' : ''})` : ''}`;
  };
  return `${part('callers', p.callers)}, ${part('callees', p.callees)}`;
}
