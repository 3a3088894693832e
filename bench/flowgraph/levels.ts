/**
 * The levels figures of the flow map (issue: a map readable at 10,000 nodes and more): frames to
 * the first readable picture (the aggregated level drawn), opening a group of 500 members, the
 * heap held, and pan/zoom of the aggregated picture. Runs the panel's own code on the page.
 */
import type { DataFrame } from '@grafana/data';
import { buildAdjacency } from '../../src/panels/flowgraph/graph/adjacency';
import { blastRoles } from '../../src/panels/flowgraph/graph/chaos';
import { buildTree, initialOpen, type Tree } from '../../src/panels/flowgraph/graph/hierarchy';
import { type LevelView, levelView, nextLevelView } from '../../src/panels/flowgraph/graph/levelView';
import { readFlowFrames } from '../../src/panels/flowgraph/graph/readFrames';
import { summarize } from '../../src/panels/flowgraph/graph/summary';
import type { MapGraph } from '../../src/panels/flowgraph/graph/types';
import { LevelsLayout } from '../../src/panels/flowgraph/layout/levelsLayout';
import type { Colors } from '../../src/panels/flowgraph/render/colors';
import { drawScene } from '../../src/panels/flowgraph/render/draw';
import { overlaps } from '../../src/panels/flowgraph/render/labels';
import { nodeRadius, type Scene } from '../../src/panels/flowgraph/render/scene';
import { buildIndex } from '../../src/panels/flowgraph/render/spatial';
import { computeStyles } from '../../src/panels/flowgraph/render/style';
import { bounds, fitView, type View } from '../../src/panels/flowgraph/render/viewport';
import { estateFrames } from '../../src/panels/flowgraph/testkit/synthetic';

const BUDGET = 150;

interface State {
  graph: MapGraph;
  tree: Tree;
  layout: LevelsLayout;
  open: Set<string>;
  view: LevelView;
  scene: Scene;
  fit: View;
}

const frames = new Map<number, DataFrame[]>();
const states = new Map<number, State>();

/** The estate's frames, made before any timing starts (the data source's work, not the panel's). */
export function prepareEstate(n: number) {
  frames.set(n, estateFrames({ nodes: n, seed: 42, bigNamespace: 500 }));
  return frames.get(n)!.reduce((s, f) => s + f.length, 0);
}

function levelScene(s: Omit<State, 'scene' | 'fit'>, colors: Colors): Scene {
  const g = s.view.graph;
  const xy = s.layout.positions(s.view);
  const sources = Int32Array.from(g.edges, (e) => e.source);
  const targets = Int32Array.from(g.edges, (e) => e.target);
  const roles = blastRoles(g.nodes, buildAdjacency(g.nodes.length, g.edges));
  const styles = computeStyles(g, roles, summarize(g.edges, roles), 'auto', 'none', colors, (v) => `$${v.toFixed(2)}`);
  const radius = Float32Array.from(s.view.groupOf, (grp, v) =>
    grp >= 0 ? Math.max(nodeRadius(g.nodes[v].members?.length), 0.45 * s.layout.radius[grp]) : nodeRadius(undefined)
  );
  return {
    xy,
    sources,
    targets,
    titles: g.nodes.map((x) => (x.members ? `${x.title} (${x.members.length})` : x.title)),
    radius,
    maxRadius: Math.max(...radius),
    styles,
    visible: new Uint8Array(g.nodes.length).fill(1),
    members: Uint32Array.from(g.nodes, (x) => x.members?.length ?? 0),
    weight: Float32Array.from(g.nodes, (x) => x.bytes ?? 0),
    index: buildIndex(xy, sources, targets),
    groups: s.view.opened.map((grp) => {
      const [x, y] = s.layout.center(grp);
      const r = s.layout.radius[grp];
      return {
        key: s.tree.groups[grp].title,
        count: s.tree.groups[grp].leaves.length,
        color: colors.series[0],
        rect: { x0: x - r, y0: y - r, x1: x + r, y1: y + r },
        circle: { x, y, r },
      };
    }),
    matches: new Set(),
    hovered: -1,
    selected: -1,
  };
}

/** Counts the labels drawn and the pairs of them that overlap, from the recorded fillText calls. */
function drawCounting(ctx: CanvasRenderingContext2D, scene: Scene, v: View, w: number, h: number, colors: Colors) {
  const boxes: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  const fill = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number) => {
    const width = ctx.measureText(text).width;
    const size = Number(/(\d+)px/.exec(ctx.font)?.[1] ?? 12);
    boxes.push({ x0: x - width / 2, y0: y, x1: x + width / 2, y1: y + size });
    fill(text, x, y);
  };
  drawScene(ctx, scene, v, w, h, colors);
  ctx.fillText = fill;
  return { labels: boxes.length, overlapping: overlaps(boxes).length };
}

/** Frames -> graph -> levels -> layout of the groups -> styles -> index -> one full Canvas 2D draw. */
export function firstPicture(n: number, ctx: CanvasRenderingContext2D, w: number, h: number, colors: Colors) {
  const t0 = performance.now();
  const graph = readFlowFrames(frames.get(n)!, 100_000).graph;
  const t1 = performance.now();
  const tree = buildTree(graph, 'auto');
  const open = initialOpen(tree, BUDGET);
  const view = levelView(graph, tree, open);
  const t2 = performance.now();
  const layout = new LevelsLayout(
    tree,
    Int32Array.from(graph.edges, (e) => e.source),
    Int32Array.from(graph.edges, (e) => e.target)
  );
  const t3 = performance.now();
  const partial = { graph, tree, layout, open, view };
  const scene = levelScene(partial, colors);
  const fit = fitView(bounds(scene.xy, undefined, scene.radius), w, h);
  const drawn = drawCounting(ctx, scene, fit, w, h, colors);
  const t4 = performance.now();
  states.set(n, { ...partial, scene, fit });
  return {
    ms: t4 - t0,
    read: t1 - t0,
    levels: t2 - t1,
    layout: t3 - t2,
    draw: t4 - t3,
    shown: view.graph.nodes.length,
    levelNames: tree.levels.join(' › '),
    ...drawn,
  };
}

/** Opens of the big group measured per call; the figure is their median (the first is a cold one). */
const OPEN_RUNS = 5;

/**
 * Opens the namespace of 500 members (its cluster open first, untimed) OPEN_RUNS times, each from
 * the view drawn before it; checks nothing else moved.
 */
export function openBig(n: number, ctx: CanvasRenderingContext2D, w: number, h: number, colors: Colors) {
  const s = states.get(n)!;
  const big = s.tree.groups.findIndex((g) => g.children.length === 0 && g.leaves.length === 500);
  const parent = s.tree.groups[big].parent;
  const before = new Set(s.open);
  if (parent >= 0) {
    before.add(s.tree.groups[parent].id);
  }
  const open = new Set([...before, s.tree.groups[big].id]);
  const runs: Array<{ ms: number; parts: { view: number; scene: number; draw: number }; scratch: number }> = [];
  let last: { view: LevelView; scene: Scene; moved: number; drawn: ReturnType<typeof drawCounting> } | undefined;
  for (let r = 0; r < OPEN_RUNS; r++) {
    const beforeView = levelView(s.graph, s.tree, before);
    const beforeXY = s.layout.positions(beforeView);
    const t0 = performance.now();
    // As the panel does: the new view starts from the one drawn before.
    const view = nextLevelView(beforeView, s.graph, s.tree, new Set(open));
    const t1 = performance.now();
    const scene = levelScene({ ...s, open, view }, colors);
    const t2 = performance.now();
    const drawn = drawCounting(ctx, scene, s.fit, w, h, colors);
    const t3 = performance.now();
    // The same view built from scratch (what opening cost before), untimed in the figure.
    const t4 = performance.now();
    levelView(s.graph, s.tree, new Set(open));
    const scratch = performance.now() - t4;
    let moved = 0;
    beforeView.graph.nodes.forEach((node, i) => {
      const j = view.graph.index.get(node.id);
      if (j !== undefined && (scene.xy[2 * j] !== beforeXY[2 * i] || scene.xy[2 * j + 1] !== beforeXY[2 * i + 1])) {
        moved++;
      }
    });
    runs.push({ ms: t3 - t0, parts: { view: t1 - t0, scene: t2 - t1, draw: t3 - t2 }, scratch });
    last = { view, scene, moved: Math.max(moved, last?.moved ?? 0), drawn };
  }
  const { view, scene, moved, drawn } = last!;
  states.set(n, { ...s, open, view, scene });
  const median = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(OPEN_RUNS / 2)];
  return {
    ms: median.ms,
    parts: median.parts,
    all: runs.map((x) => x.ms),
    scratchView: runs.map((x) => x.scratch).sort((a, b) => a - b)[Math.floor(OPEN_RUNS / 2)],
    members: s.tree.groups[big].leaves.length,
    shown: view.graph.nodes.length,
    moved,
    ...drawn,
  };
}

export function levelState(n: number) {
  return states.get(n);
}

export function dropLevels() {
  states.clear();
  frames.clear();
}
