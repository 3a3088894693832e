import { addMember, mergeEdges } from './aggregate';
import type { Tree } from './hierarchy';
import type { MapGraph, MapNode } from './types';

export interface LevelView {
  graph: MapGraph;
  /** Per view node, the tree group it stands for, or -1 for a node of the data. */
  groupOf: Int32Array;
  /** Per view node, its index in the full graph for a node of the data, else -1. */
  leafOf: Int32Array;
  /** Open groups, drawn as the regions their members sit in. */
  opened: number[];
}

export function groupNodeId(groupId: string): string {
  return `group:${groupId}`;
}

/**
 * The graph as drawn at the open groups: every closed group one node (member count, summed
 * traffic), the members of open groups as themselves, edges merged between what is drawn.
 */
export function levelView(graph: MapGraph, tree: Tree, open: ReadonlySet<string>): LevelView {
  const L = tree.levels.length;
  const n = graph.nodes.length;
  const nodes: MapNode[] = [];
  const index = new Map<string, number>();
  const groupOf: number[] = [];
  const leafOf: number[] = [];
  const viewOfGroup = new Map<number, number>();
  const opened = new Set<number>();
  const map = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let unit = -1;
    for (let l = 0; l < L; l++) {
      const g = tree.chain[i * L + l];
      if (!open.has(tree.groups[g].id)) {
        unit = g;
        break;
      }
      opened.add(g);
    }
    if (unit < 0) {
      map[i] = nodes.length;
      index.set(graph.nodes[i].id, nodes.length);
      nodes.push(graph.nodes[i]);
      groupOf.push(-1);
      leafOf.push(i);
      continue;
    }
    let v = viewOfGroup.get(unit);
    if (v === undefined) {
      v = nodes.length;
      viewOfGroup.set(unit, v);
      const grp = tree.groups[unit];
      const id = groupNodeId(grp.id);
      index.set(id, v);
      nodes.push({
        id,
        title: grp.title,
        subtitle: `${grp.field} · ${grp.leaves.length.toLocaleString('en-US')} nodes`,
        [grp.field]: grp.title,
        ...sharedFields(graph.nodes[i], tree, grp.level),
        members: [],
      });
      groupOf.push(unit);
      leafOf.push(-1);
    }
    addMember(nodes[v], graph.nodes[i], i);
    map[i] = v;
  }
  shareCommonFields(nodes, graph.nodes);
  return {
    graph: { nodes, edges: mergeEdges(graph.edges, map, nodes), index },
    groupOf: Int32Array.from(groupOf),
    leafOf: Int32Array.from(leafOf),
    opened: [...opened],
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
