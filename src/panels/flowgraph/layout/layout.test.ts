import { readFlowFrames } from '../graph/readFrames';
import { syntheticFrames } from '../testkit/synthetic';
import { coarsen } from './coarsen';
import { computeLayout } from './engine';
import { layeredLayout } from './layered';

function arrays(pairs: Array<[number, number]>) {
  return { sources: Int32Array.from(pairs, (p) => p[0]), targets: Int32Array.from(pairs, (p) => p[1]) };
}

function synthetic(n: number) {
  const g = readFlowFrames(syntheticFrames({ nodes: n, seed: 7 })).graph;
  return {
    n: g.nodes.length,
    sources: Int32Array.from(g.edges, (e) => e.source),
    targets: Int32Array.from(g.edges, (e) => e.target),
  };
}

function dist(xy: Float32Array, a: number, b: number) {
  return Math.hypot(xy[2 * a] - xy[2 * b], xy[2 * a + 1] - xy[2 * b + 1]);
}

/** Pairs of edges whose straight lines cross in the layout (edges sharing an end do not count). */
function drawnCrossings(xy: Float32Array, sources: Int32Array, targets: Int32Array): number {
  const orient = (p: number, q: number, r: number) =>
    Math.sign(
      (xy[2 * q] - xy[2 * p]) * (xy[2 * r + 1] - xy[2 * p + 1]) -
        (xy[2 * q + 1] - xy[2 * p + 1]) * (xy[2 * r] - xy[2 * p])
    );
  let c = 0;
  for (let a = 0; a < sources.length; a++) {
    for (let b = a + 1; b < sources.length; b++) {
      const [p, q, r, u] = [sources[a], targets[a], sources[b], targets[b]];
      if (
        new Set([p, q, r, u]).size === 4 &&
        orient(p, q, r) * orient(p, q, u) < 0 &&
        orient(r, u, p) * orient(r, u, q) < 0
      ) {
        c++;
      }
    }
  }
  return c;
}

describe('layeredLayout', () => {
  it('draws fewer crossings than the barycentre sweeps alone did', () => {
    const g = synthetic(60);
    const xy = layeredLayout(g.n, g.sources, g.targets);
    // 1,324 crossings with the eight sweeps' last order (before the best order was kept and neighbours swapped)
    expect(drawnCrossings(xy, g.sources, g.targets)).toBeLessThan(1324);
  });

  it('puts callers left of callees, even through a cycle', () => {
    const { sources, targets } = arrays([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 1],
      [0, 4],
    ]);
    const xy = layeredLayout(5, sources, targets);
    expect(xy[0]).toBeLessThan(xy[2]);
    expect(xy[2]).toBeLessThan(xy[4]);
    expect(xy[0]).toBeLessThan(xy[8]);
  });

  it('gives every node its own spot', () => {
    const g = synthetic(200);
    const xy = layeredLayout(g.n, g.sources, g.targets);
    const spots = new Set(Array.from({ length: g.n }, (_, i) => `${xy[2 * i]},${xy[2 * i + 1]}`));
    expect(spots.size).toBe(g.n);
  });

  it('orders a layer to uncross edges', () => {
    // 0->3, 1->2: the barycentre sweep must put 3 above 2
    const { sources, targets } = arrays([
      [0, 3],
      [1, 2],
    ]);
    const xy = layeredLayout(4, sources, targets);
    expect(Math.sign(xy[1] - xy[3])).toBe(Math.sign(xy[7] - xy[5]));
  });
});

describe('coarsen', () => {
  it('halves a path and keeps the total mass', () => {
    const { sources, targets } = arrays([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    const c = coarsen({ n: 6, sources, targets, mass: new Float32Array(6).fill(1) });
    expect(c.n).toBe(3);
    expect(Array.from(c.mass).reduce((a, b) => a + b)).toBe(6);
    expect(c.parentOf![0]).toBe(c.parentOf![1]);
  });
});

describe('computeLayout', () => {
  it('picks layered for small graphs and force for large ones, unless told', () => {
    const small = synthetic(50);
    expect(computeLayout({ ...small, mode: 'auto' }).engine).toBe('layered');
    expect(computeLayout({ ...small, mode: 'force' }).engine).toBe('force');
    const big = synthetic(1000);
    expect(computeLayout({ ...big, mode: 'auto' }).engine).toBe('force');
  });

  it('lays out 1,000 nodes deterministically with linked nodes close', () => {
    const g = synthetic(1000);
    const a = computeLayout({ ...g, mode: 'force' }).positions;
    const b = computeLayout({ ...g, mode: 'force' }).positions;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.every(Number.isFinite)).toBe(true);
    let linked = 0;
    for (let k = 0; k < g.sources.length; k++) {
      linked += dist(a, g.sources[k], g.targets[k]);
    }
    let random = 0;
    for (let i = 0; i < g.sources.length; i++) {
      random += dist(a, i % g.n, (i * 7919 + 13) % g.n);
    }
    expect(linked / g.sources.length).toBeLessThan((random / g.sources.length) * 0.5);
  });

  it('keeps known nodes exactly in place and puts a newcomer by its neighbour', () => {
    const g = synthetic(400);
    const first = computeLayout({ ...g, mode: 'auto' }).positions;
    // one node arrives, linked to node 5
    const n = g.n + 1;
    const sources = Int32Array.from([...g.sources, g.n]);
    const targets = Int32Array.from([...g.targets, 5]);
    const seed = new Float32Array(2 * n).fill(NaN);
    seed.set(first);
    const next = computeLayout({ n, sources, targets, seed, mode: 'auto' });
    expect(next.engine).toBe('incremental');
    expect(Array.from(next.positions.subarray(0, 2 * g.n))).toEqual(Array.from(first));
    const nearest = Math.min(...Array.from({ length: g.n }, (_, i) => dist(next.positions, g.n, i)));
    expect(dist(next.positions, g.n, 5)).toBeLessThan(nearest + 120);
    expect(nearest).toBeGreaterThan(1);
  });

  it('lays out afresh when most positions are unknown', () => {
    const g = synthetic(400);
    const seed = new Float32Array(2 * g.n).fill(NaN);
    seed.set([10, 10]);
    expect(computeLayout({ ...g, seed, mode: 'auto' }).engine).toBe('force');
  });

  it('handles an empty graph and isolated nodes', () => {
    expect(
      computeLayout({ n: 0, sources: new Int32Array(), targets: new Int32Array(), mode: 'auto' }).positions
    ).toHaveLength(0);
    const iso = computeLayout({ n: 3, sources: new Int32Array(), targets: new Int32Array(), mode: 'force' }).positions;
    expect(iso.every(Number.isFinite)).toBe(true);
  });
});
