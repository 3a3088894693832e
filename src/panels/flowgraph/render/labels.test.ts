import { buildTree } from '../graph/hierarchy';
import { levelView } from '../graph/levelView';
import { readFlowFrames } from '../graph/readFrames';
import { LevelsLayout } from '../layout/levelsLayout';
import { testColors as colors } from '../testkit/colors';
import { graphOf } from '../testkit/graph';
import { recordingContext } from '../testkit/recordingContext';
import { summarize } from '../testkit/summary';
import { estateFrames } from '../testkit/synthetic';
import { drawScene } from './draw';
import { overlaps, placeLabels } from './labels';
import { nodeRadius, type Scene } from './scene';
import { buildIndex } from './spatial';
import { computeStyles } from './style';
import { bounds, fitView, type View, zoomAt } from './viewport';

jest.mock('flatbush', () =>
  jest.requireActual(require('path').resolve(__dirname, '../../../../node_modules/flatbush/flatbush.js'))
);

const W = 1000;
const H = 600;

function sceneOf(g: ReturnType<typeof graphOf>, xy: Float32Array, radius: Float32Array, extra: Partial<Scene> = {}) {
  const sources = Int32Array.from(g.edges, (e) => e.source);
  const targets = Int32Array.from(g.edges, (e) => e.target);
  const members = Uint32Array.from(g.nodes, (n) => n.members?.length ?? 0);
  const scene: Scene = {
    xy,
    sources,
    targets,
    titles: g.nodes.map((n) => (n.members ? `${n.title} (${n.members.length})` : n.title)),
    radius,
    maxRadius: Math.max(...radius),
    styles: computeStyles(g, [], summarize(g), 'health', 'none', colors, String),
    visible: new Uint8Array(g.nodes.length).fill(1),
    members,
    index: buildIndex(xy, sources, targets),
    groups: [],
    matches: new Set(),
    hovered: -1,
    selected: -1,
    ...extra,
  };
  return scene;
}

function draw(s: Scene, v: View) {
  const ctx = recordingContext();
  drawScene(ctx as unknown as CanvasRenderingContext2D, s, v, W, H, colors);
  return ctx.textBoxes();
}

describe('label placement', () => {
  it('gives the higher priority label the first spot; the other moves or is dropped', () => {
    const cand = (text: string, x: number, priority: number) => ({ text, x, y: 100, gap: 5, priority, group: false });
    const placed = placeLabels(
      [cand('low', 100, 1), cand('high', 102, 2)],
      { x0: 0, y0: 0, x1: 500, y1: 300 },
      () => 30
    );
    expect(placed.map((p) => [p.text, p.y > 100 ? 'below' : 'above'])).toEqual([
      ['high', 'below'],
      ['low', 'above'],
    ]);
    expect(overlaps(placed.map((p) => p.box))).toEqual([]);
    // with no free spot in the viewport, the lower label is not drawn at all
    const tight = placeLabels(
      [cand('low', 100, 1), cand('high', 102, 2)],
      { x0: 80, y0: 108, x1: 125, y1: 125 },
      () => 30
    );
    expect(tight.map((p) => p.text)).toEqual(['high']);
  });

  it('never draws two labels over each other on a dense map, at any zoom', () => {
    // 2,500 nodes 14 units apart: far closer than their labels are wide
    const names = Array.from({ length: 2500 }, (_, i) => `service-${i}`);
    const g = graphOf(names.slice(1).map((n, i) => `${names[i]}>${n}`));
    const xy = Float32Array.from({ length: 5000 }, (_, k) => (k % 2 ? Math.floor(k / 100) * 14 : ((k / 2) % 50) * 14));
    const s = sceneOf(g, xy, new Float32Array(2500).fill(nodeRadius(undefined)));
    const fit = fitView(bounds(xy), W, H);
    let drawn = 0;
    for (const f of [1, 2, 4, 8, 16]) {
      const boxes = draw(s, zoomAt(fit, W / 2, H / 2, f));
      expect(overlaps(boxes)).toEqual([]);
      drawn += boxes.length;
    }
    expect(drawn).toBeGreaterThan(100);
  });

  it('names every group at the aggregated level, and still overlaps nothing with one group open', () => {
    const graph = readFlowFrames(estateFrames({ nodes: 10_000, seed: 42 }), 100_000).graph;
    const tree = buildTree(graph, 'auto');
    const layout = new LevelsLayout(
      tree,
      Int32Array.from(graph.edges, (e) => e.source),
      Int32Array.from(graph.edges, (e) => e.target)
    );
    for (const open of [new Set<string>(), new Set([tree.groups[tree.roots[0]].id])]) {
      const v = levelView(graph, tree, open);
      const xy = layout.positions(v);
      const radius = Float32Array.from(v.groupOf, (grp) => (grp >= 0 ? 0.45 * layout.radius[grp] : 10));
      const groups = v.opened.map((grp) => {
        const [x, y] = layout.center(grp);
        const r = layout.radius[grp];
        return {
          key: tree.groups[grp].title,
          count: tree.groups[grp].leaves.length,
          color: '#f00',
          rect: { x0: x - r, y0: y - r, x1: x + r, y1: y + r },
          circle: { x, y, r },
        };
      });
      const s = sceneOf(v.graph, xy, radius, { groups });
      const boxes = draw(s, fitView(bounds(xy, undefined, radius), W, H));
      expect(overlaps(boxes)).toEqual([]);
      const texts = boxes.map((b) => b.text);
      for (const r of tree.roots) {
        expect(texts.some((t) => t.startsWith(`${tree.groups[r].title} (`))).toBe(true);
      }
      if (open.size) {
        // the open cluster's name is on its region, and its namespaces are named too
        expect(texts.filter((t) => /^[a-z]+-\d+ \(/.test(t)).length).toBeGreaterThan(5);
      }
    }
  });
});
