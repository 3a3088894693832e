import { forceCenter, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import { coarsen, type Level } from './coarsen';

interface Body extends SimulationNodeDatum {
  i: number;
  mass: number;
}

const COARSEST = 120;
const LINK = 40;

/** Deterministic jitter so the same graph gets the same picture every time. */
function jitter(i: number, salt: number): number {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

/** Runs d3-force on one level from the given start positions; `fixed` nodes do not move. */
export function relax(level: Level, xy: Float32Array, ticks: number, alpha: number, fixed?: Uint8Array): void {
  const bodies: Body[] = Array.from({ length: level.n }, (_, i) => ({
    i,
    mass: level.mass[i],
    x: xy[2 * i],
    y: xy[2 * i + 1],
    ...(fixed?.[i] ? { fx: xy[2 * i], fy: xy[2 * i + 1] } : {}),
  }));
  const links = Array.from(level.sources, (s, k) => ({ source: s, target: level.targets[k] }));
  // Heavier (coarser) nodes need longer links, or their members would overlap once expanded.
  const length = Float32Array.from(
    level.sources,
    (s, k) => LINK * Math.sqrt((level.mass[s] + level.mass[level.targets[k]]) / 2)
  );
  const sim = forceSimulation(bodies)
    .alpha(alpha)
    .force(
      'charge',
      forceManyBody<Body>()
        .strength((b) => -30 * Math.sqrt(b.mass))
        .theta(1.2)
        .distanceMax(LINK * 25)
    )
    .force(
      'link',
      forceLink<Body, { source: number; target: number }>(links)
        .id((b) => b.i)
        .distance((_, k) => length[k])
        .strength(0.3)
    )
    .stop();
  if (!fixed) {
    sim.force('center', forceCenter(0, 0));
  }
  sim.tick(ticks);
  for (const b of bodies) {
    xy[2 * b.i] = b.x!;
    xy[2 * b.i + 1] = b.y!;
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
