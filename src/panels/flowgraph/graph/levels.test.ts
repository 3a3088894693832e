import { buildTree, initialOpen, levelFields, validOpen } from './hierarchy';
import { levelView, nextLevelView } from './levelView';
import { noiseMask, NO_NOISE } from './noise';
import { buildAdjacency } from './adjacency';
import { pathsBetween, pathsOf } from './paths';
import { readFlowFrames } from './readFrames';
import { graphOf } from '../testkit/graph';
import { estateFrames } from '../testkit/synthetic';

const estate = readFlowFrames(estateFrames({ nodes: 3000, seed: 5 }), 100_000).graph;

/** Two clusters: a and b in ns x of c1, d in ns y of c1, e in ns z of c2. */
const small = () =>
  graphOf(
    ['a>b', 'a>d', 'd>e', 'b>e'],
    {
      a: { cluster: 'c1', namespace: 'x', team: 't1', bytes: 1 },
      b: { cluster: 'c1', namespace: 'x', team: 't1', bytes: 2 },
      d: { cluster: 'c1', namespace: 'y', team: 't2', bytes: 4 },
      e: { cluster: 'c2', namespace: 'z', team: 't2', bytes: 8 },
    },
    {
      'a>d': { bytes: 10, requests: 5, errors: 1, errorShare: 0.2, cost: 1 },
      'd>e': { bytes: 20, requests: 2, errors: 0, errorShare: 0, cost: 2, crossZone: true },
      'b>e': { bytes: 30, requests: 3, errors: 2, errorShare: 0.5, cost: 3 },
    }
  );

describe('levels', () => {
  it('finds cluster then namespace, and falls back to team', () => {
    const g = small();
    expect(levelFields(g.nodes, 'auto')).toEqual(['cluster', 'namespace']);
    expect(levelFields(g.nodes, 'team')).toEqual(['cluster', 'team']);
    expect(levelFields(g.nodes, 'none')).toEqual([]);
    const oneCluster = g.nodes.map((n) => ({ ...n, cluster: 'c1', namespace: undefined }));
    expect(levelFields(oneCluster, 'auto')).toEqual(['team']);
  });

  it('draws closed groups as one node each with summed edges and the worst error share', () => {
    const g = small();
    const tree = buildTree(g, 'auto');
    const v = levelView(g, tree, new Set());
    expect(v.graph.nodes.map((n) => [n.title, n.members?.length])).toEqual([
      ['c1', 3],
      ['c2', 1],
    ]);
    expect(v.graph.nodes[0].bytes).toBe(7);
    expect(v.graph.edges).toHaveLength(1);
    expect(v.graph.edges[0]).toMatchObject({
      bytes: 50,
      requests: 5,
      errors: 2,
      errorShare: 0.5,
      cost: 5,
      crossZone: true,
    });
  });

  it('opens a group in place: its children appear, the rest stays one node', () => {
    const g = small();
    const tree = buildTree(g, 'auto');
    const v = levelView(g, tree, new Set(['cluster=c1']));
    expect(v.graph.nodes.map((n) => n.title).sort()).toEqual(['c2', 'x', 'y']);
    // x is all team t1: the group carries it, so it colours by team like its members
    expect(v.graph.nodes.find((n) => n.title === 'x')?.team).toBe('t1');
    expect(v.opened.map((i) => tree.groups[i].id)).toEqual(['cluster=c1']);
    const deeper = levelView(g, tree, new Set(['cluster=c1', 'cluster=c1/namespace=x']));
    expect(deeper.graph.nodes.map((n) => n.title).sort()).toEqual(['a', 'b', 'c2', 'y']);
  });

  it('drops open ids that name nothing or sit inside a closed group', () => {
    const tree = buildTree(small(), 'auto');
    expect([...validOpen(tree, new Set(['cluster=c1/namespace=x', 'nope', 'cluster=c2']))]).toEqual(['cluster=c2']);
  });

  it('opens at the finest level within the budget', () => {
    const tree = buildTree(estate, 'auto');
    expect(tree.levels).toEqual(['cluster', 'namespace']);
    // both clusters open: their namespaces fit in 150, their 3,000 workloads would not
    const open = initialOpen(tree, 150);
    expect([...open].sort()).toEqual(['cluster=cluster-0', 'cluster=cluster-1']);
    expect(levelView(estate, tree, open).graph.nodes.length).toBeLessThanOrEqual(150);
    expect(initialOpen(tree, 1).size).toBe(0);
    expect(initialOpen(tree, 10_000).size).toBe(0); // fits as it is
    expect(initialOpen(buildTree(small(), 'auto'), 100).size).toBe(0); // fits as it is
  });
});

describe('incremental level view', () => {
  const tree = buildTree(estate, 'auto');
  const clusters = tree.roots.map((g) => tree.groups[g]);
  const ns = (c: number, k: number) => tree.groups[clusters[c].children[k]].id;
  const scratch = (open: Set<string>) => levelView(estate, tree, open);

  it('opening a group equals the view built from scratch, and reuses the rest', () => {
    const top = scratch(new Set());
    let prev = top;
    const steps = [
      [clusters[0].id],
      [clusters[0].id, ns(0, 0)],
      [clusters[0].id, ns(0, 0), ns(0, 3)],
      // a cluster and one of its namespaces at once
      [clusters[0].id, ns(0, 0), ns(0, 3), clusters[1].id, ns(1, 2)],
    ];
    for (const ids of steps) {
      const open = new Set(ids);
      const next = nextLevelView(prev, estate, tree, open);
      expect(next).toEqual(scratch(open));
      // a group that stayed closed is carried over, not built again
      const kept = next.graph.nodes.find((n, v) => next.groupOf[v] >= 0 && prev.graph.index.has(n.id))!;
      expect(kept).toBe(prev.graph.nodes[prev.graph.index.get(kept.id)!]);
      prev = next;
    }
    expect(prev.graph.nodes.length).toBeGreaterThan(top.graph.nodes.length);
  });

  it('closing, or another graph, builds afresh and still equals the view from scratch', () => {
    const open = new Set([clusters[0].id, ns(0, 1)]);
    const prev = scratch(open);
    const closed = new Set([clusters[0].id]);
    expect(nextLevelView(prev, estate, tree, closed)).toEqual(scratch(closed));
    expect(nextLevelView(prev, estate, tree, new Set(open))).toBe(prev);
    const other = buildTree(estate, 'auto');
    expect(nextLevelView(prev, estate, other, open).from.tree).toBe(other);
  });
});

describe('paths', () => {
  const chain = graphOf(['a>b', 'b>c', 'c>d', 'x>c', 'd>y', 'q>r']);
  const adj = buildAdjacency(chain.nodes.length, chain.edges);
  const i = (id: string) => chain.index.get(id)!;

  it('lights callers and callees transitively with counts per depth', () => {
    const p = pathsOf(adj, chain.edges, i('c'), 6);
    expect(
      chain.nodes
        .filter((_, k) => p.nodes[k])
        .map((n) => n.id)
        .sort()
    ).toEqual(['a', 'b', 'c', 'd', 'x', 'y']);
    expect(p.callers).toEqual([2, 1]); // b and x, then a
    expect(p.callees).toEqual([1, 1]); // d, then y
    expect(p.edges[chain.edges.findIndex((e) => e.id === 'q>r')]).toBe(0);
    expect(pathsOf(adj, chain.edges, i('c'), 1).callers).toEqual([2]);
  });

  it('keeps only what lies between two nodes', () => {
    const p = pathsBetween(adj, chain.edges, i('a'), i('y'), 6);
    expect(chain.nodes.filter((_, k) => p.nodes[k]).map((n) => n.id)).toEqual(['a', 'b', 'c', 'd', 'y']);
    expect(chain.edges.filter((_, k) => p.edges[k]).map((e) => e.id)).toEqual(['a>b', 'b>c', 'c>d', 'd>y']);
    expect(pathsBetween(adj, chain.edges, i('a'), i('y'), 3).nodes.every((v) => v === 0)).toBe(true);
  });
});

describe('noise toggles', () => {
  it('errors only keeps edges with errors and the nodes they join', () => {
    const g = small();
    const m = noiseMask(g, { ...NO_NOISE, errorsOnly: true });
    expect(g.edges.filter((_, k) => m.edges![k]).map((e) => e.id)).toEqual(['a>d', 'b>e']);
    expect(g.nodes.filter((_, k) => m.nodes[k]).map((n) => n.id)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('cross-zone/cluster, changed only and the traffic floor', () => {
    const g = small();
    const cross = noiseMask(g, { ...NO_NOISE, crossOnly: true });
    // d>e is cross-zone, b>e crosses clusters
    expect(g.edges.filter((_, k) => cross.edges![k]).map((e) => e.id)).toEqual(['d>e', 'b>e']);
    expect(noiseMask(g, { ...NO_NOISE, changedOnly: true }).nodes.every((v) => v === 0)).toBe(true);
    const floor = noiseMask(g, { ...NO_NOISE, floorOn: true, floor: 3 });
    expect(floor.edges).toBeUndefined();
    expect(g.nodes.filter((_, k) => floor.nodes[k]).map((n) => n.id)).toEqual(['d', 'e']);
  });
});
