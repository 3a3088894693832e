import Flatbush from 'flatbush';
import type { Rect } from './viewport';

/** Flatbush trees over node points and edge boxes: culling and hit-testing in O(log n). */
export interface SpatialIndex {
  nodes?: Flatbush;
  edges?: Flatbush;
}

export function buildIndex(xy: Float32Array, sources: Int32Array, targets: Int32Array): SpatialIndex {
  const n = xy.length / 2;
  const out: SpatialIndex = {};
  if (n > 0) {
    out.nodes = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      out.nodes.add(xy[2 * i], xy[2 * i + 1], xy[2 * i], xy[2 * i + 1]);
    }
    out.nodes.finish();
  }
  if (sources.length > 0) {
    out.edges = new Flatbush(sources.length);
    for (let k = 0; k < sources.length; k++) {
      const a = sources[k];
      const b = targets[k];
      out.edges.add(
        Math.min(xy[2 * a], xy[2 * b]),
        Math.min(xy[2 * a + 1], xy[2 * b + 1]),
        Math.max(xy[2 * a], xy[2 * b]),
        Math.max(xy[2 * a + 1], xy[2 * b + 1])
      );
    }
    out.edges.finish();
  }
  return out;
}

export function nodesIn(index: SpatialIndex, r: Rect): number[] {
  return index.nodes ? index.nodes.search(r.x0, r.y0, r.x1, r.y1) : [];
}

export function edgesIn(index: SpatialIndex, r: Rect): number[] {
  return index.edges ? index.edges.search(r.x0, r.y0, r.x1, r.y1) : [];
}

/** The nearest node centre within `maxDist` world units that `accept` allows, or -1. */
export function hitNode(
  index: SpatialIndex,
  x: number,
  y: number,
  maxDist: number,
  accept?: (i: number) => boolean
): number {
  if (!index.nodes) {
    return -1;
  }
  const found = index.nodes.neighbors(x, y, 1, maxDist, accept);
  return found.length ? found[0] : -1;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The edge whose segment passes nearest (x, y) within `maxDist`, or -1. */
export function hitEdge(
  index: SpatialIndex,
  xy: Float32Array,
  sources: Int32Array,
  targets: Int32Array,
  x: number,
  y: number,
  maxDist: number,
  accept?: (k: number) => boolean
): number {
  let best = -1;
  let bestD = maxDist;
  for (const k of edgesIn(index, { x0: x - maxDist, y0: y - maxDist, x1: x + maxDist, y1: y + maxDist })) {
    if (accept && !accept(k)) {
      continue;
    }
    const a = sources[k];
    const b = targets[k];
    const d = segmentDistance(x, y, xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]);
    if (d <= bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
