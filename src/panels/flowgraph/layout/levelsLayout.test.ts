import { buildTree } from '../graph/hierarchy';
import { levelView } from '../graph/levelView';
import { readFlowFrames } from '../graph/readFrames';
import { estateFrames } from '../testkit/synthetic';
import { LEAF_SPACING, LevelsLayout } from './levelsLayout';

const graph = readFlowFrames(estateFrames({ nodes: 4000, seed: 7, bigNamespace: 300 }), 100_000).graph;
const tree = buildTree(graph, 'auto');
const layout = new LevelsLayout(
  tree,
  Int32Array.from(graph.edges, (e) => e.source),
  Int32Array.from(graph.edges, (e) => e.target)
);
const at = (open: Set<string>) => {
  const v = levelView(graph, tree, open);
  const xy = layout.positions(v);
  return new Map(v.graph.nodes.map((n, i) => [n.id, [xy[2 * i], xy[2 * i + 1]]]));
};

describe('LevelsLayout', () => {
  it('reserves discs for sibling groups that never overlap', () => {
    for (const parent of [-1, ...tree.roots]) {
      const sibs = parent < 0 ? tree.roots : tree.groups[parent].children;
      for (let a = 0; a < sibs.length; a++) {
        for (let b = a + 1; b < sibs.length; b++) {
          const [ax, ay] = layout.center(sibs[a]);
          const [bx, by] = layout.center(sibs[b]);
          expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThanOrEqual(layout.radius[sibs[a]] + layout.radius[sibs[b]]);
        }
      }
    }
  });

  it('opens a group in place: nothing else moves, its members stay inside its disc', () => {
    const closed = at(new Set());
    const c0 = tree.roots[0];
    const big = tree.groups[c0].children.reduce((a, b) =>
      tree.groups[b].leaves.length > tree.groups[a].leaves.length ? b : a
    );
    expect(tree.groups[big].leaves.length).toBe(300);
    const open = at(new Set([tree.groups[c0].id, tree.groups[big].id]));
    for (const [id, p] of closed) {
      if (open.has(id)) {
        expect(open.get(id)).toEqual(p);
      }
    }
    const [cx, cy] = layout.center(big);
    for (const leaf of tree.groups[big].leaves) {
      const [x, y] = open.get(graph.nodes[leaf].id)!;
      expect(Math.hypot(x - cx, y - cy)).toBeLessThanOrEqual(layout.radius[big]);
    }
    // the members are spread over the disc, not piled on its centre
    const spread = Math.max(
      ...tree.groups[big].leaves.map((leaf) => {
        const [x, y] = open.get(graph.nodes[leaf].id)!;
        return Math.hypot(x - cx, y - cy);
      })
    );
    expect(spread).toBeGreaterThan(layout.radius[big] / 2);
    expect(spread).toBeGreaterThan(LEAF_SPACING);
  });
});
