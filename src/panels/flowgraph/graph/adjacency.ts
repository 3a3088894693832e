import type { MapEdge } from './types';

/** Compressed adjacency (CSR) so hop searches over 30,000 edges touch flat arrays only. */
export interface Adjacency {
  outStart: Int32Array;
  outList: Int32Array;
  inStart: Int32Array;
  inList: Int32Array;
}

function csr(n: number, edges: MapEdge[], from: (e: MapEdge) => number, to: (e: MapEdge) => number) {
  const start = new Int32Array(n + 1);
  for (const e of edges) {
    start[from(e) + 1]++;
  }
  for (let i = 0; i < n; i++) {
    start[i + 1] += start[i];
  }
  const fill = start.slice(0, n);
  const list = new Int32Array(edges.length);
  for (const e of edges) {
    list[fill[from(e)]++] = to(e);
  }
  return { start, list };
}

export function buildAdjacency(n: number, edges: MapEdge[]): Adjacency {
  const out = csr(
    n,
    edges,
    (e) => e.source,
    (e) => e.target
  );
  const inn = csr(
    n,
    edges,
    (e) => e.target,
    (e) => e.source
  );
  return { outStart: out.start, outList: out.list, inStart: inn.start, inList: inn.list };
}

export type Direction = 'out' | 'in' | 'both';

/**
 * Hop distance from the seeds (0 for seeds), -1 where farther than `hops` or unreachable.
 * `out` follows calls downstream, `in` walks to callers.
 */
export function hopDistances(adj: Adjacency, seeds: number[], hops: number, dir: Direction): Int32Array {
  const n = adj.outStart.length - 1;
  const dist = new Int32Array(n).fill(-1);
  let frontier: number[] = [];
  for (const s of seeds) {
    if (s >= 0 && s < n && dist[s] < 0) {
      dist[s] = 0;
      frontier.push(s);
    }
  }
  for (let d = 1; d <= hops && frontier.length > 0; d++) {
    const next: number[] = [];
    const visit = (start: Int32Array, list: Int32Array, v: number) => {
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = list[k];
        if (dist[w] < 0) {
          dist[w] = d;
          next.push(w);
        }
      }
    };
    for (const v of frontier) {
      if (dir !== 'in') {
        visit(adj.outStart, adj.outList, v);
      }
      if (dir !== 'out') {
        visit(adj.inStart, adj.inList, v);
      }
    }
    frontier = next;
  }
  return dist;
}
