import { ManyBody } from './barnesHut';
import { coarsen, type Level } from './coarsen';

const COARSEST = 120;
const LINK = 40;
const LINK_STRENGTH = 0.3;
// d3-force's defaults: alpha falls from 1 to its minimum 0.001 in 300 ticks; velocities lose 40 % a tick.
const ALPHA_DECAY = 1 - Math.pow(0.001, 1 / 300);
const VELOCITY_DECAY = 0.4;
// d3-force ran theta 1.2 on cells it rounds up to powers of two; on tight cells 1.0 gives the same
// spacing (at 50,000 nodes: mean edge length and stress within 1 % of d3's, fewer overlapping nodes).
const THETA = 1.0;

/** Deterministic jitter so the same graph gets the same picture every time. */
function jitter(i: number, salt: number): number {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

/**
 * Runs a force simulation on one level from the given start positions; `fixed` nodes do not move.
 * The forces and the integration are d3-force's (many-body, links, centring,
 * velocity decay 0.4, its alpha decay), on typed arrays: see barnesHut.ts for why.
 */
export function relax(level: Level, xy: Float32Array, ticks: number, alpha: number, fixed?: Uint8Array): void {
  const { n, sources, targets, mass } = level;
  const x = Float64Array.from({ length: n }, (_, i) => xy[2 * i]);
  const y = Float64Array.from({ length: n }, (_, i) => xy[2 * i + 1]);
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  const strength = Float64Array.from(mass, (m) => -30 * Math.sqrt(m));
  const charge = new ManyBody(n, strength, THETA ** 2, (LINK * 25) ** 2);
  // Heavier (coarser) nodes need longer links, or their members would overlap once expanded.
  const length = Float64Array.from(sources, (s, k) => LINK * Math.sqrt((mass[s] + mass[targets[k]]) / 2));
  const degree = new Int32Array(n);
  for (let k = 0; k < sources.length; k++) {
    degree[sources[k]]++;
    degree[targets[k]]++;
  }
  const bias = Float64Array.from(sources, (s, k) => degree[s] / (degree[s] + degree[targets[k]]));
  for (let t = 0; t < ticks; t++) {
    alpha += -alpha * ALPHA_DECAY;
    charge.apply(x, y, vx, vy, alpha);
    pull(sources, targets, length, bias, x, y, vx, vy, alpha);
    if (!fixed) {
      centre(x, y);
    }
    for (let i = 0; i < n; i++) {
      if (fixed?.[i]) {
        vx[i] = 0;
        vy[i] = 0;
        x[i] = xy[2 * i];
        y[i] = xy[2 * i + 1];
      } else {
        x[i] += vx[i] *= 1 - VELOCITY_DECAY;
        y[i] += vy[i] *= 1 - VELOCITY_DECAY;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    xy[2 * i] = x[i];
    xy[2 * i + 1] = y[i];
  }
}

/** d3's link force: each link in turn nudges its ends' velocities toward its rest length. */
function pull(
  sources: Int32Array,
  targets: Int32Array,
  length: Float64Array,
  bias: Float64Array,
  x: Float64Array,
  y: Float64Array,
  vx: Float64Array,
  vy: Float64Array,
  alpha: number
): void {
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k];
    const t = targets[k];
    if (s === t) {
      continue;
    }
    let dx = x[t] + vx[t] - x[s] - vx[s];
    let dy = y[t] + vy[t] - y[s] - vy[s];
    if (dx === 0 && dy === 0) {
      dx = (t - s) * 1e-6;
      dy = (s - t) * 0.5e-6;
    }
    const l = Math.sqrt(dx * dx + dy * dy);
    const f = ((l - length[k]) / l) * alpha * LINK_STRENGTH;
    dx *= f;
    dy *= f;
    vx[t] -= dx * bias[k];
    vy[t] -= dy * bias[k];
    vx[s] += dx * (1 - bias[k]);
    vy[s] += dy * (1 - bias[k]);
  }
}

/** d3's forceCenter(0, 0): shifts every position so their mean is the origin. */
function centre(x: Float64Array, y: Float64Array): void {
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    sx += x[i];
    sy += y[i];
  }
  sx /= x.length || 1;
  sy /= y.length || 1;
  for (let i = 0; i < x.length; i++) {
    x[i] -= sx;
    y[i] -= sy;
  }
}

/**
 * Multilevel force layout: coarsen until ~100 nodes, lay that out fully, then walk back up,
 * placing each node beside its coarse parent and refining with few ticks. The expensive levels
 * start close to their final shape, so 10,000 nodes need tens of ticks rather than hundreds.
 */
export function multilevelForce(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  onLevel?: (done: number) => void
): Float32Array {
  const levels: Level[] = [{ n, sources, targets, mass: new Float32Array(n).fill(1) }];
  while (levels[levels.length - 1].n > COARSEST) {
    const c = coarsen(levels[levels.length - 1]);
    if (c.n > levels[levels.length - 1].n * 0.9) {
      break;
    }
    levels.push(c);
  }
  const top = levels[levels.length - 1];
  let xy = new Float32Array(2 * top.n);
  const r = LINK * Math.sqrt(top.n);
  for (let i = 0; i < top.n; i++) {
    xy[2 * i] = r * jitter(i, 1);
    xy[2 * i + 1] = r * jitter(i, 2);
  }
  relax(top, xy, 300, 1);
  for (let l = levels.length - 2; l >= 0; l--) {
    const fine = levels[l];
    const parentOf = levels[l + 1].parentOf!;
    const next = new Float32Array(2 * fine.n);
    const spread = LINK * 0.5;
    for (let i = 0; i < fine.n; i++) {
      const p = parentOf[i];
      next[2 * i] = xy[2 * p] + spread * jitter(i, 3 + l);
      next[2 * i + 1] = xy[2 * p + 1] + spread * jitter(i, 4 + l);
    }
    xy = next;
    // Fewer ticks on big levels: they start near their final shape and each tick costs O(n log n).
    relax(fine, xy, fine.n > 5000 ? 25 : fine.n > 1000 ? 40 : 60, 0.3);
    onLevel?.(1 - l / levels.length);
  }
  return xy;
}
