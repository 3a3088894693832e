import { addMember, mergeEdgesAt } from './aggregate';
import type { Tree } from './hierarchy';
import type { MapEdge, MapGraph, MapNode } from './types';

export interface LevelView {
  graph: MapGraph;
  /** Per view node, the tree group it stands for, or -1 for a node of the data. */
  groupOf: Int32Array;
  /** Per view node, its index in the full graph for a node of the data, else -1. */
  leafOf: Int32Array;
  /** Open groups (ascending tree indices), drawn as the regions their members sit in. */
  opened: number[];
  /** Per node of the full graph, the view node it is drawn as. */
  map: Int32Array;
  /** Per view edge, the first edge of the full graph merged into it: the edges keep that order. */
  edgeFirst: Int32Array;
  /** What the view was built from, so that the next one can start from it. */
  from: { graph: MapGraph; tree: Tree; open: ReadonlySet<string> };
}

export function groupNodeId(groupId: string): string {
  return `group:${groupId}`;
}

/**
 * The graph as drawn at the open groups: every closed group one node (member count, summed
 * traffic), the members of open groups as themselves, edges merged between what is drawn.
 * View nodes are ordered by their first member in the graph, edges by their first graph edge.
 */
export function levelView(graph: MapGraph, tree: Tree, open: ReadonlySet<string>): LevelView {
  const map = new Int32Array(graph.nodes.length);
  const placed = place(graph, tree, open, undefined, map);
  const { edges, first } = mergeEdgesAt(graph.edges, map, placed.nodes);
  endsOf(graph);
  return finish(graph, tree, open, placed, map, edges, Int32Array.from(first), [...placed.opened]);
}

/**
 * The view at `open`, built from the previous one when `open` only adds groups to it (opening a
 * group, or a group and some inside it): only the opened groups' members and the edges touching
 * them are worked out again, everything else is carried over. Any other change builds it afresh.
 * Either way the result equals `levelView(graph, tree, open)`.
 */
export function nextLevelView(
  prev: LevelView | undefined,
  graph: MapGraph,
  tree: Tree,
  open: ReadonlySet<string>
): LevelView {
  if (!prev || prev.from.graph !== graph || prev.from.tree !== tree) {
    return levelView(graph, tree, open);
  }
  const expanded = expandedNodes(prev, tree, open);
  if (!expanded) {
    return levelView(graph, tree, open);
  }
  if (expanded.length === 0) {
    return prev;
  }
  const n = graph.nodes.length;
  const leaves = Int32Array.from(expanded.flatMap((v) => tree.groups[prev.groupOf[v]].leaves)).sort();
  const touched = new Uint8Array(n);
  leaves.forEach((i) => (touched[i] = 1));
  const local = new Int32Array(n);
  const placed = place(graph, tree, open, leaves, local);

  // Merge the kept nodes and the new ones by first member, as a fresh build orders them.
  const gone = new Uint8Array(prev.graph.nodes.length);
  expanded.forEach((v) => (gone[v] = 1));
  const oldTo = new Int32Array(prev.graph.nodes.length).fill(-1);
  const newTo = new Int32Array(placed.nodes.length);
  const merged: Placed = { nodes: [], groupOf: [], leafOf: [], opened: new Set([...prev.opened, ...placed.opened]) };
  const push = (from: Placed | LevelView, v: number, nodes: MapNode[]) => {
    merged.nodes.push(nodes[v]);
    merged.groupOf.push(from.groupOf[v]);
    merged.leafOf.push(from.leafOf[v]);
    return merged.nodes.length - 1;
  };
  let a = 0;
  let b = 0;
  const firstOf = (node: MapNode, leaf: number) => (node.members ? node.members[0] : leaf);
  while (a < prev.graph.nodes.length || b < placed.nodes.length) {
    if (a < prev.graph.nodes.length && gone[a]) {
      a++;
      continue;
    }
    const takeOld =
      b >= placed.nodes.length ||
      (a < prev.graph.nodes.length &&
        firstOf(prev.graph.nodes[a], prev.leafOf[a]) < firstOf(placed.nodes[b], placed.leafOf[b]));
    if (takeOld) {
      oldTo[a] = push(prev, a, prev.graph.nodes);
      a++;
    } else {
      newTo[b] = push(placed, b, placed.nodes);
      b++;
    }
  }
  const map = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    map[i] = touched[i] ? newTo[local[i]] : oldTo[prev.map[i]];
  }

  // Edges between kept nodes stay (renumbered); the edges touching the opened groups are merged again.
  const keptEdges: MapEdge[] = [];
  const keptFirst: number[] = [];
  prev.graph.edges.forEach((e, k) => {
    if (gone[e.source] || gone[e.target]) {
      return;
    }
    const s = oldTo[e.source];
    const t = oldTo[e.target];
    keptEdges.push(s === e.source && t === e.target ? e : { ...e, source: s, target: t });
    keptFirst.push(prev.edgeFirst[k]);
  });
  const around: number[] = [];
  const [sources, targets] = endsOf(graph);
  for (let k = 0; k < sources.length; k++) {
    if (touched[sources[k]] || touched[targets[k]]) {
      around.push(k);
    }
  }
  const fresh = mergeEdgesAt(graph.edges, map, merged.nodes, around);
  const edges: MapEdge[] = [];
  const first = new Int32Array(keptEdges.length + fresh.edges.length);
  for (let x = 0, y = 0; x < keptEdges.length || y < fresh.edges.length;) {
    const old = y >= fresh.edges.length || (x < keptEdges.length && keptFirst[x] < fresh.first[y]);
    first[edges.length] = old ? keptFirst[x] : fresh.first[y];
    edges.push(old ? keptEdges[x++] : fresh.edges[y++]);
  }
  return finish(
    graph,
    tree,
    open,
    merged,
    map,
    edges,
    first,
    [...merged.opened].sort((p, q) => p - q)
  );
}

/** Views built one after the other, each starting from the one before (opening a group is then cheap). */
export function levelViews(): (graph: MapGraph, tree: Tree, open: ReadonlySet<string>) => LevelView {
  let last: LevelView | undefined;
  return (graph, tree, open) => (last = nextLevelView(last, graph, tree, open));
}

/**
 * The nodes of `prev` that open up to reach `open`: [] when nothing changes, undefined when the
 * change is not only groups of the view opening (then the view is built afresh).
 */
function expandedNodes(prev: LevelView, tree: Tree, open: ReadonlySet<string>): number[] | undefined {
  const before = prev.from.open;
  for (const id of before) {
    if (!open.has(id)) {
      return undefined;
    }
  }
  const added = new Set<number>();
  for (const id of open) {
    if (!before.has(id)) {
      added.add(tree.byId.get(id)!);
    }
  }
  if (added.size === 0) {
    return [];
  }
  const viewOf = new Map<number, number>();
  prev.groupOf.forEach((g, v) => g >= 0 && viewOf.set(g, v));
  const out = new Set<number>();
  for (const g of added) {
    let p = g;
    while (p >= 0 && !viewOf.has(p)) {
      if (!added.has(p)) {
        return undefined;
      }
      p = tree.groups[p].parent;
    }
    if (p < 0) {
      return undefined;
    }
    out.add(viewOf.get(p)!);
  }
  return [...out];
}

const ends = new WeakMap<MapGraph, [Int32Array, Int32Array]>();

/** The graph's edge ends as flat arrays, made once per graph: scanning them beats reading every edge object. */
function endsOf(graph: MapGraph): [Int32Array, Int32Array] {
  let e = ends.get(graph);
  if (!e) {
    e = [Int32Array.from(graph.edges, (x) => x.source), Int32Array.from(graph.edges, (x) => x.target)];
    ends.set(graph, e);
  }
  return e;
}

interface Placed {
  nodes: MapNode[];
  groupOf: number[];
  leafOf: number[];
  opened: Set<number>;
}

/** Places the graph's nodes at `leaves` (ascending; all when absent) into view nodes, `map` receiving each one's. */
function place(
  graph: MapGraph,
  tree: Tree,
  open: ReadonlySet<string>,
  leaves: Int32Array | undefined,
  map: Int32Array
): Placed {
  const L = tree.levels.length;
  const out: Placed = { nodes: [], groupOf: [], leafOf: [], opened: new Set() };
  const viewOfGroup = new Map<number, number>();
  const count = leaves ? leaves.length : graph.nodes.length;
  for (let k = 0; k < count; k++) {
    const i = leaves ? leaves[k] : k;
    let unit = -1;
    for (let l = 0; l < L; l++) {
      const g = tree.chain[i * L + l];
      if (!open.has(tree.groups[g].id)) {
        unit = g;
        break;
      }
      out.opened.add(g);
    }
    if (unit < 0) {
      map[i] = out.nodes.length;
      out.nodes.push(graph.nodes[i]);
      out.groupOf.push(-1);
      out.leafOf.push(i);
      continue;
    }
    let v = viewOfGroup.get(unit);
    if (v === undefined) {
      v = out.nodes.length;
      viewOfGroup.set(unit, v);
      const grp = tree.groups[unit];
      out.nodes.push({
        id: groupNodeId(grp.id),
        title: grp.title,
        subtitle: `${grp.field} · ${grp.leaves.length.toLocaleString('en-US')} nodes`,
        [grp.field]: grp.title,
        ...sharedFields(graph.nodes[i], tree, grp.level),
        members: [],
      });
      out.groupOf.push(unit);
      out.leafOf.push(-1);
    }
    addMember(out.nodes[v], graph.nodes[i], i);
    map[i] = v;
  }
  shareCommonFields(out.nodes, graph.nodes);
  return out;
}

function finish(
  graph: MapGraph,
  tree: Tree,
  open: ReadonlySet<string>,
  placed: Placed,
  map: Int32Array,
  edges: MapEdge[],
  edgeFirst: Int32Array,
  opened: number[]
): LevelView {
  const index = new Map<string, number>();
  placed.nodes.forEach((node, v) => index.set(node.id, v));
  return {
    graph: { nodes: placed.nodes, edges, index },
    groupOf: Int32Array.from(placed.groupOf),
    leafOf: Int32Array.from(placed.leafOf),
    opened: opened.sort((p, q) => p - q),
    map,
    edgeFirst,
    from: { graph, tree, open },
  };
}

/** A group node keeps the values of the levels above it (a namespace knows its cluster). */
function sharedFields(member: MapNode, tree: Tree, level: number): Partial<MapNode> {
  const out: Partial<MapNode> = {};
  for (let l = 0; l < level; l++) {
    out[tree.levels[l]] = member[tree.levels[l]];
  }
  return out;
}

const COMMON = ['team', 'owner', 'system', 'zone'] as const;

/** A group whose members all share a team (owner, system, zone) carries it: it colours by team. */
function shareCommonFields(view: MapNode[], all: MapNode[]) {
  for (const g of view) {
    if (!g.members) {
      continue;
    }
    for (const f of COMMON) {
      if (g[f] !== undefined) {
        continue;
      }
      const first: string | undefined = all[g.members[0]][f];
      if (first !== undefined && g.members.every((i) => all[i][f] === first)) {
        g[f] = first;
      }
    }
  }
}
