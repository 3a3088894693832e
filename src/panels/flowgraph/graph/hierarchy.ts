import type { MapGraph, MapNode } from './types';

/** Which grouping the map's levels follow; cluster always comes first when the data names several. */
export type Hierarchy = 'auto' | 'namespace' | 'team' | 'system' | 'none';

export type LevelField = 'cluster' | 'namespace' | 'team' | 'system';

export const NO_VALUE = '(none)';

export interface Group {
  /** Stable across refreshes: the level values from the top, e.g. `cluster=prod/namespace=shop`. */
  id: string;
  title: string;
  /** Depth: 0 for the top level. */
  level: number;
  field: LevelField;
  /** Index of the parent group, -1 at the top. */
  parent: number;
  /** Groups of the next level inside this one (empty on the deepest level). */
  children: number[];
  /** Nodes of the graph inside this group, at any depth. */
  leaves: number[];
}

export interface Tree {
  /** Level fields from the top; empty when the data has nothing to group by. */
  levels: LevelField[];
  groups: Group[];
  roots: number[];
  /** Per node, its group on each level: `chain[i * levels.length + l]`. */
  chain: Int32Array;
  byId: Map<string, number>;
}

function distinct(nodes: MapNode[], f: LevelField): number {
  const seen = new Set<string>();
  for (const n of nodes) {
    const v = n[f];
    if (v !== undefined) {
      seen.add(v);
      if (seen.size > 1) {
        break;
      }
    }
  }
  return seen.size;
}

/**
 * The levels the data supports: cluster (when there are several), then namespace, or the
 * catalog's team or system. `auto` takes namespace, else team, else system.
 */
export function levelFields(nodes: MapNode[], h: Hierarchy): LevelField[] {
  if (h === 'none') {
    return [];
  }
  const levels: LevelField[] = distinct(nodes, 'cluster') > 1 ? ['cluster'] : [];
  const order: LevelField[] = h === 'auto' ? ['namespace', 'team', 'system'] : [h];
  const below = order.find((f) => distinct(nodes, f) > 1);
  if (below) {
    levels.push(below);
  }
  return levels;
}

/** Groups the nodes of the graph into the levels, in one pass. */
export function buildTree(graph: MapGraph, h: Hierarchy): Tree {
  const levels = levelFields(graph.nodes, h);
  const L = levels.length;
  const groups: Group[] = [];
  const roots: number[] = [];
  const byId = new Map<string, number>();
  const chain = new Int32Array(graph.nodes.length * L);
  graph.nodes.forEach((n, i) => {
    let parent = -1;
    let path = '';
    for (let l = 0; l < L; l++) {
      const value = n[levels[l]] ?? NO_VALUE;
      path = `${path}${l ? '/' : ''}${levels[l]}=${value}`;
      let g = byId.get(path);
      if (g === undefined) {
        g = groups.length;
        byId.set(path, g);
        groups.push({ id: path, title: value, level: l, field: levels[l], parent, children: [], leaves: [] });
        (parent < 0 ? roots : groups[parent].children).push(g);
      }
      groups[g].leaves.push(i);
      chain[i * L + l] = g;
      parent = g;
    }
  });
  return { levels, groups, roots, chain, byId };
}

/**
 * The open groups of the finest level that fits `budget` nodes as a whole: the top level when
 * even that is too many, nothing open when the graph fits as it is.
 */
export function initialOpen(tree: Tree, budget: number): Set<string> {
  const open = new Set<string>();
  let frontier = tree.roots;
  if (tree.levels.length === 0 || tree.chain.length / tree.levels.length <= budget) {
    return open;
  }
  for (let l = 0; l < tree.levels.length; l++) {
    const next = frontier.flatMap((g) => {
      const grp = tree.groups[g];
      return grp.children.length ? grp.children : grp.leaves;
    });
    if (next.length > budget) {
      break;
    }
    frontier.forEach((g) => open.add(tree.groups[g].id));
    if (l === tree.levels.length - 1) {
      break;
    }
    frontier = next;
  }
  return open;
}

/** Open ids that name no group of this tree, or whose parent is closed, are dropped. */
export function validOpen(tree: Tree, open: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const id of open) {
    const g = tree.byId.get(id);
    if (g === undefined) {
      continue;
    }
    let p = tree.groups[g].parent;
    while (p >= 0 && open.has(tree.groups[p].id)) {
      p = tree.groups[p].parent;
    }
    if (p < 0) {
      out.add(id);
    }
  }
  return out;
}

/** The groups from the top down to `g`, for the breadcrumb. */
export function pathTo(tree: Tree, g: number): number[] {
  const path: number[] = [];
  for (let p = g; p >= 0; p = tree.groups[p].parent) {
    path.unshift(p);
  }
  return path;
}
