/**
 * Picture-quality measures of a node-link layout, so a faster layout cannot silently draw a worse
 * picture: how far apart linked nodes sit, how many nodes sit on top of each other, and how well
 * drawn distances follow graph distances (stress on a sample of breadth-first sources).
 */
export interface LayoutQuality {
  /** Mean drawn length of an edge, in world units. */
  meanEdge: number;
  /** Pairs of nodes closer than `overlapDistance` (drawn discs that overlap). */
  overlaps: number;
  /** Normalised stress, Σ w(s·D − d)² / Σ w·d² with w = 1/d² at the best scale s: 0 is perfect. */
  stress: number;
}

export function layoutQuality(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  xy: Float32Array,
  overlapDistance: number,
  stressSources = 16
): LayoutQuality {
  let total = 0;
  for (let k = 0; k < sources.length; k++) {
    total += Math.hypot(xy[2 * sources[k]] - xy[2 * targets[k]], xy[2 * sources[k] + 1] - xy[2 * targets[k] + 1]);
  }
  return {
    meanEdge: sources.length ? total / sources.length : 0,
    overlaps: closePairs(n, xy, overlapDistance),
    stress: sampledStress(n, sources, targets, xy, stressSources),
  };
}

/** Pairs closer than r, counted on a uniform grid of r-sized cells. */
function closePairs(n: number, xy: Float32Array, r: number): number {
  const cells = new Map<string, number[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (let i = 0; i < n; i++) {
    const k = key(Math.floor(xy[2 * i] / r), Math.floor(xy[2 * i + 1] / r));
    const list = cells.get(k) ?? [];
    list.push(i);
    cells.set(k, list);
  }
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const cx = Math.floor(xy[2 * i] / r);
    const cy = Math.floor(xy[2 * i + 1] / r);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of cells.get(key(cx + dx, cy + dy)) ?? []) {
          if (j > i && Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]) < r) {
            pairs++;
          }
        }
      }
    }
  }
  return pairs;
}

function sampledStress(n: number, sources: Int32Array, targets: Int32Array, xy: Float32Array, count: number): number {
  const nb: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < sources.length; k++) {
    nb[sources[k]].push(targets[k]);
    nb[targets[k]].push(sources[k]);
  }
  // Pairs (graph distance d, drawn distance D) from evenly spaced breadth-first sources.
  const d: number[] = [];
  const D: number[] = [];
  const hops = new Int32Array(n);
  for (let s = 0; s < Math.min(count, n); s++) {
    const src = Math.floor((s * n) / Math.min(count, n));
    hops.fill(-1);
    hops[src] = 0;
    const queue = [src];
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q];
      for (const w of nb[v]) {
        if (hops[w] < 0) {
          hops[w] = hops[v] + 1;
          queue.push(w);
          d.push(hops[w]);
          D.push(Math.hypot(xy[2 * src] - xy[2 * w], xy[2 * src + 1] - xy[2 * w + 1]));
        }
      }
    }
  }
  // Best scale s minimises Σ (s·D − d)² / d².
  let num = 0;
  let den = 0;
  for (let k = 0; k < d.length; k++) {
    num += D[k] / d[k];
    den += (D[k] * D[k]) / (d[k] * d[k]);
  }
  const scale = den ? num / den : 0;
  let err = 0;
  for (let k = 0; k < d.length; k++) {
    err += ((scale * D[k] - d[k]) / d[k]) ** 2;
  }
  return d.length ? err / d.length : 0;
}
