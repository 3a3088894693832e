/** @jest-environment node */
import { readFlowFrames } from '../graph/readFrames';
import { layoutQuality } from '../testkit/layoutQuality';
import { estateFrames, rng } from '../testkit/synthetic';
import { ManyBody } from './barnesHut';
import { multilevelForce } from './force';

function estate(n: number) {
  const g = readFlowFrames(estateFrames({ nodes: n, seed: 42, bigNamespace: 200 }), 100_000).graph;
  return {
    n: g.nodes.length,
    sources: Int32Array.from(g.edges, (e) => e.source),
    targets: Int32Array.from(g.edges, (e) => e.target),
  };
}

/** d3-force's many-body force summed over every pair, with its distanceMin of 1. */
function exactRepulsion(x: Float64Array, y: Float64Array, strength: Float64Array, distanceMax2: number) {
  const n = x.length;
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const dx = x[j] - x[i];
      const dy = y[j] - y[i];
      let l = dx * dx + dy * dy;
      if (i === j || l === 0 || l >= distanceMax2) {
        continue;
      }
      l = l < 1 ? Math.sqrt(l) : l;
      vx[i] += (dx * strength[j]) / l;
      vy[i] += (dy * strength[j]) / l;
    }
  }
  return { vx, vy };
}

function points(n: number) {
  const r = rng(3);
  const x = Float64Array.from({ length: n }, () => 1000 * r());
  const y = Float64Array.from({ length: n }, () => 1000 * r());
  // A few bodies on the very same point, and one closer than distanceMin.
  x[1] = x[0];
  y[1] = y[0];
  x[2] = x[0];
  y[2] = y[0];
  x[3] = x[4] + 0.3;
  y[3] = y[4];
  const strength = Float64Array.from({ length: n }, () => -30 * Math.sqrt(1 + 4 * r()));
  return { x, y, strength };
}

describe('ManyBody (Barnes–Hut on typed arrays)', () => {
  it('equals the exact pairwise force when nothing is approximated (theta 0)', () => {
    const { x, y, strength } = points(300);
    const exact = exactRepulsion(x, y, strength, 400 ** 2);
    const vx = new Float64Array(300);
    const vy = new Float64Array(300);
    new ManyBody(300, strength, 0, 400 ** 2).apply(x, y, vx, vy, 1);
    for (let i = 3; i < 300; i++) {
      expect(vx[i]).toBeCloseTo(exact.vx[i], 9);
      expect(vy[i]).toBeCloseTo(exact.vy[i], 9);
    }
    // Bodies on one point are pushed apart from each other, not left on top of each other.
    expect(Math.hypot(vx[0] - vx[1], vy[0] - vy[1])).toBeGreaterThan(0);
  });

  it('stays within a few percent of the exact force at theta 1', () => {
    const { x, y, strength } = points(2000);
    const exact = exactRepulsion(x, y, strength, Infinity);
    const vx = new Float64Array(2000);
    const vy = new Float64Array(2000);
    new ManyBody(2000, strength, 1, Infinity).apply(x, y, vx, vy, 0.5);
    let err = 0;
    let size = 0;
    for (let i = 3; i < 2000; i++) {
      err += Math.hypot(vx[i] - 0.5 * exact.vx[i], vy[i] - 0.5 * exact.vy[i]);
      size += Math.hypot(0.5 * exact.vx[i], 0.5 * exact.vy[i]);
    }
    expect(err / size).toBeLessThan(0.05);
  });
});

describe('multilevelForce', () => {
  const g = estate(5000);

  it('gives the same positions for the same graph', () => {
    const a = multilevelForce(g.n, g.sources, g.targets);
    const b = multilevelForce(g.n, g.sources, g.targets);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(a.every(Number.isFinite)).toBe(true);
  });

  const MEAN_D3 = 188.8;
  const OVERLAPS_D3 = 5249; // pairs of nodes closer than two node radii
  const STRESS_D3 = 0.1529;

  it('draws the 5,000-node estate at least as well as the d3-force version did', () => {
    const xy = multilevelForce(g.n, g.sources, g.targets);
    const q = layoutQuality(g.n, g.sources, g.targets, xy, 20);
    // Measured on the d3-force multilevel layout (before typed arrays) on this very graph.
    expect(q.meanEdge).toBeGreaterThan(0.9 * MEAN_D3);
    expect(q.meanEdge).toBeLessThan(1.1 * MEAN_D3);
    expect(q.overlaps).toBeLessThanOrEqual(1.1 * OVERLAPS_D3);
    expect(q.stress).toBeLessThanOrEqual(1.05 * STRESS_D3);
  });
});
