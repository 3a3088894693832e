/** Screen = world · k + (x, y). */
export interface View {
  x: number;
  y: number;
  k: number;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const MIN_ZOOM = 0.005;
export const MAX_ZOOM = 8;

export function toWorld(v: View, sx: number, sy: number): [number, number] {
  return [(sx - v.x) / v.k, (sy - v.y) / v.k];
}

/** The world rectangle visible in a w×h viewport, grown by `pad` screen pixels. */
export function visibleWorld(v: View, w: number, h: number, pad = 0): Rect {
  return { x0: (-pad - v.x) / v.k, y0: (-pad - v.y) / v.k, x1: (w + pad - v.x) / v.k, y1: (h + pad - v.y) / v.k };
}

/** Zooms by `factor` keeping the world point under (sx, sy) fixed. */
export function zoomAt(v: View, sx: number, sy: number, factor: number): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const f = k / v.k;
  return { k, x: sx - (sx - v.x) * f, y: sy - (sy - v.y) * f };
}

export function panBy(v: View, dx: number, dy: number): View {
  return { ...v, x: v.x + dx, y: v.y + dy };
}

/** Bounds of the positions, only of nodes where `mask` is set when given, grown by each node's radius. */
export function bounds(xy: Float32Array, mask?: Uint8Array, radius?: Float32Array): Rect | undefined {
  let r: Rect | undefined;
  for (let i = 0; i < xy.length / 2; i++) {
    if (mask && !mask[i]) {
      continue;
    }
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    const d = radius?.[i] ?? 0;
    if (!r) {
      r = { x0: x - d, y0: y - d, x1: x + d, y1: y + d };
    } else {
      r.x0 = Math.min(r.x0, x - d);
      r.y0 = Math.min(r.y0, y - d);
      r.x1 = Math.max(r.x1, x + d);
      r.y1 = Math.max(r.y1, y + d);
    }
  }
  return r;
}

/** The view that shows `r` centred in a w×h viewport with `pad` pixels around; never zooms past 1.5. */
export function fitView(r: Rect | undefined, w: number, h: number, pad = 40): View {
  if (!r || w <= 0 || h <= 0) {
    return { x: w / 2, y: h / 2, k: 1 };
  }
  const bw = Math.max(r.x1 - r.x0, 1);
  const bh = Math.max(r.y1 - r.y0, 1);
  const k = Math.min(1.5, Math.max(MIN_ZOOM, Math.min((w - 2 * pad) / bw, (h - 2 * pad) / bh)));
  return { k, x: w / 2 - ((r.x0 + r.x1) / 2) * k, y: h / 2 - ((r.y0 + r.y1) / 2) * k };
}
