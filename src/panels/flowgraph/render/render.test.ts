import { buildAdjacency } from '../graph/adjacency';
import { blastRoles } from '../graph/chaos';
import { summarize } from '../graph/summary';
import { graphOf } from '../testkit/graph';
import { recordingContext } from '../testkit/recordingContext';
import { testColors as colors } from '../testkit/colors';
import { drawScene } from './draw';
import { groupBoxes, nodeRadius, type Scene } from './scene';
import { buildIndex, edgesIn, hitEdge, hitNode, nodesIn } from './spatial';
import { computeStyles, edgeWidths, resolveOverlay } from './style';
import { bounds, fitView, toWorld, visibleWorld, zoomAt } from './viewport';

// flatbush ships ESM only and jest here does not transform it: load its own UMD build instead.
jest.mock('flatbush', () =>
  jest.requireActual(require('path').resolve(__dirname, '../../../../node_modules/flatbush/flatbush.js'))
);

describe('viewport', () => {
  it('zooming keeps the point under the cursor', () => {
    const v = { x: 10, y: 20, k: 1 };
    const before = toWorld(v, 300, 200);
    const after = toWorld(zoomAt(v, 300, 200, 3), 300, 200);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
  });

  it('clamps zoom', () => {
    expect(zoomAt({ x: 0, y: 0, k: 1 }, 0, 0, 1e6).k).toBe(8);
  });

  it('fits bounds into the viewport', () => {
    const xy = Float32Array.from([-100, -50, 100, 50, 0, 0]);
    const v = fitView(bounds(xy), 440, 240, 20);
    const r = visibleWorld(v, 440, 240);
    expect(r.x0).toBeLessThanOrEqual(-100);
    expect(r.x1).toBeGreaterThanOrEqual(100);
    expect(r.y0).toBeLessThanOrEqual(-50);
    expect((r.x0 + r.x1) / 2).toBeCloseTo(0);
  });

  it('bounds honours the mask', () => {
    expect(bounds(Float32Array.from([0, 0, 5, 5, 9, 9]), Uint8Array.from([0, 1, 0]))).toEqual({
      x0: 5,
      y0: 5,
      x1: 5,
      y1: 5,
    });
  });
});

describe('spatial index', () => {
  // a grid of 100 nodes 10 apart, edges along rows
  const xy = new Float32Array(200);
  for (let i = 0; i < 100; i++) {
    xy[2 * i] = (i % 10) * 10;
    xy[2 * i + 1] = Math.floor(i / 10) * 10;
  }
  const s = Int32Array.from({ length: 90 }, (_, k) => k + Math.floor(k / 9));
  const t = Int32Array.from(s, (x) => x + 1);
  const index = buildIndex(xy, s, t);

  it('finds the node under the pointer, within a distance', () => {
    expect(hitNode(index, 21, 32, 5)).toBe(32);
    expect(hitNode(index, 25, 35, 3)).toBe(-1);
    expect(hitNode(index, 21, 32, 5, (i) => i !== 32)).not.toBe(32);
  });

  it('finds the edge under the pointer', () => {
    const k = hitEdge(index, xy, s, t, 15, 41, 2);
    expect([s[k], t[k]]).toEqual([41, 42]);
    expect(hitEdge(index, xy, s, t, 15, 45, 2)).toBe(-1);
  });

  it('culls to the visible rectangle', () => {
    expect(nodesIn(index, { x0: -1, y0: -1, x1: 11, y1: 11 }).sort((a, b) => a - b)).toEqual([0, 1, 10, 11]);
    expect(edgesIn(index, { x0: 200, y0: 200, x1: 300, y1: 300 })).toEqual([]);
  });
});

describe('styles', () => {
  const g = graphOf(
    ['a>b', 'b>c', 'c>d'],
    { b: { chaos: 'target', team: 'pay' }, a: { team: 'pay' } },
    { 'a>b': { weight: 100, cost: 9, crossZone: true }, 'b>c': { weight: 25, diff: 'new' }, 'c>d': { weight: 0 } }
  );
  const roles = blastRoles(g.nodes, buildAdjacency(g.nodes.length, g.edges), 1);
  const summary = summarize(g.edges, roles);

  it('auto overlay prefers chaos, then diff, then cost', () => {
    expect(resolveOverlay('auto', summary)).toBe('chaos');
    expect(resolveOverlay('auto', { ...summary, chaos: { target: 0, upstream: 0, downstream: 0 } })).toBe('diff');
    expect(resolveOverlay('cost', summary)).toBe('cost');
  });

  it('edge width follows the square root of throughput', () => {
    expect(Array.from(edgeWidths(g))).toEqual([6, 3.5, 1]);
  });

  it('chaos overlay rings the blast radius and dims the rest', () => {
    const st = computeStyles(g, roles, summary, 'auto', 'chaos', colors, String);
    const byId = (id: string) => g.index.get(id)!;
    expect(st.nodeRing[byId('b')]).toBe('target');
    expect(st.nodeRing[byId('a')]).toBe('up');
    expect(st.nodeRing[byId('c')]).toBe('down');
    expect(st.nodeDim[byId('d')]).toBe(1);
    expect(st.colorBy).toBe('team');
    expect(st.legend.map((l) => l.label)).toContain('chaos target (1)');
  });

  it('impact overlay rings nodes by measured impact, marks changed edges, and wins in auto', () => {
    const m = graphOf(
      ['a>b', 'b>c', 'c>d', 'd>e'],
      { a: { impact: 'degraded' }, b: { impact: 'broken', chaos: 'target' }, c: { impact: 'unaffected' } },
      { 'a>b': { change: 'errors' }, 'b>c': { change: 'traffic' }, 'c>d': { change: 'none' } }
    );
    const r = blastRoles(m.nodes, buildAdjacency(m.nodes.length, m.edges), 1);
    const sum = summarize(m.edges, r, m.nodes);
    expect(resolveOverlay('auto', sum)).toBe('impact');
    // Without a measured run the chaos overlay stays the default.
    expect(resolveOverlay('auto', summarize(m.edges, r))).toBe('chaos');
    const st = computeStyles(m, r, sum, 'health', 'auto', colors, String);
    expect(st.overlay).toBe('impact');
    expect([...st.nodeRing]).toEqual(['warn', 'bad', 'ok', '', '']);
    expect([...st.nodeDim]).toEqual([0, 0, 0, 1, 1]);
    expect(st.edgeColor).toEqual(['bad', 'down', '#777', '#777']);
    expect([...st.edgeDash]).toEqual([0, 1, 0, 0]);
    expect([...st.edgeDim]).toEqual([0, 0, 1, 1]);
    expect(st.legend.filter((l) => l.ring).map((l) => l.label)).toEqual([
      'broken (1)',
      'degraded (1)',
      'unaffected (1)',
    ]);
    expect(st.legend.map((l) => l.label)).toEqual(expect.arrayContaining(['errors up (1)', 'less traffic (1)']));
  });

  it('cost overlay labels the costliest edge', () => {
    const st = computeStyles(g, roles, summary, 'auto', 'cost', colors, (v) => `$${v}`);
    expect([...st.edgeLabel.entries()]).toEqual([[0, '$9']]);
    expect(st.edgeColor[0]).toBe('costliest');
  });
});

describe('drawScene level of detail', () => {
  it('dashes edges the frame asks to dash as well as vanished ones', () => {
    const g = graphOf(['a>b', 'b>c', 'c>d']);
    g.edges[0].dashed = true;
    g.edges[1].diff = 'vanished';
    const st = computeStyles(g, [], summarize(g.edges, []), 'health', 'none', colors, String);
    expect([...st.edgeDash]).toEqual([1, 1, 0]);
  });

  function scene(n: number): Scene {
    const xy = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = (i % 100) * 40;
      xy[2 * i + 1] = Math.floor(i / 100) * 40;
    }
    const sources = Int32Array.from({ length: n - 1 }, (_, k) => k);
    const targets = Int32Array.from(sources, (k) => k + 1);
    const g = graphOf(Array.from(sources, (k) => `n${k}>n${k + 1}`));
    const st = computeStyles(g, [], summarize(g.edges, []), 'health', 'none', colors, String);
    return {
      xy,
      sources,
      targets,
      titles: g.nodes.map((x) => x.title),
      radius: new Float32Array(n).fill(nodeRadius(undefined)),
      maxRadius: nodeRadius(undefined),
      styles: st,
      visible: new Uint8Array(n).fill(1),
      index: buildIndex(xy, sources, targets),
      groups: [],
      matches: new Set([3]),
      hovered: -1,
      selected: -1,
    };
  }

  it('labels every node and draws arrows when zoomed in on a small graph', () => {
    const ctx = recordingContext();
    const stats = drawScene(
      ctx as unknown as CanvasRenderingContext2D,
      scene(50),
      { x: 20, y: 20, k: 1 },
      4000,
      400,
      colors
    );
    expect(stats).toMatchObject({ nodes: 50, edges: 49, labels: 50, arrows: true });
    expect(ctx.texts()).toContain('n7');
  });

  it('at 10,000 nodes zoomed out draws dots, no arrows, only the matched label', () => {
    const ctx = recordingContext();
    const stats = drawScene(
      ctx as unknown as CanvasRenderingContext2D,
      scene(10_000),
      { x: 0, y: 0, k: 0.05 },
      800,
      600,
      colors
    );
    expect(stats.nodes).toBe(10_000);
    expect(stats.arrows).toBe(false);
    expect(ctx.texts()).toEqual(['n3']);
    expect(ctx.count('arc')).toBe(1); // the match ring only: nodes are 2px squares
  });

  it('culls what is off screen and what the filter hides', () => {
    const s = scene(10_000);
    s.visible[1] = 0;
    const ctx = recordingContext();
    const stats = drawScene(ctx as unknown as CanvasRenderingContext2D, s, { x: 0, y: 0, k: 1 }, 200, 200, colors);
    expect(stats.nodes).toBeLessThan(100);
    expect(ctx.texts()).not.toContain('n1');
    expect(stats.labels).toBeLessThanOrEqual(stats.nodes);
  });

  it('draws group boxes around members', () => {
    const boxes = groupBoxes(
      Float32Array.from([0, 0, 100, 50, 500, 500]),
      ['x', 'x', undefined],
      Uint8Array.from([1, 1, 1]),
      () => 'c',
      10
    );
    expect(boxes).toEqual([{ key: 'x', rect: { x0: -10, y0: -10, x1: 110, y1: 60 }, color: 'c', count: 2 }]);
  });
});
