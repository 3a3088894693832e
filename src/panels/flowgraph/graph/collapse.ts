import { addMember, mergeEdges } from './aggregate';
import type { MapGraph, MapNode } from './types';

export type GroupBy = 'none' | 'team' | 'namespace' | 'owner';

export const UNGROUPED = '(none)';

export function groupKey(n: MapNode, by: GroupBy): string | undefined {
  if (by === 'none') {
    return undefined;
  }
  return n[by] ?? UNGROUPED;
}

export function groupNodeId(key: string): string {
  return `group:${key}`;
}

/**
 * Replaces the members of each collapsed group by one node and merges the edges that now join the
 * same pair (bytes, cost and counts add up; error share keeps the worst). Edges inside a group go.
 */
export function collapseGroups(graph: MapGraph, by: GroupBy, collapsed: ReadonlySet<string>): MapGraph {
  if (by === 'none' || collapsed.size === 0) {
    return graph;
  }
  const nodes: MapNode[] = [];
  const index = new Map<string, number>();
  const map = new Int32Array(graph.nodes.length);
  graph.nodes.forEach((n, i) => {
    const key = groupKey(n, by)!;
    if (!collapsed.has(key)) {
      map[i] = nodes.length;
      index.set(n.id, nodes.length);
      nodes.push(n);
      return;
    }
    const id = groupNodeId(key);
    let g = index.get(id);
    if (g === undefined) {
      g = nodes.length;
      index.set(id, g);
      nodes.push({ id, title: key, subtitle: `${by} group`, [by]: key === UNGROUPED ? undefined : key, members: [] });
    }
    addMember(nodes[g], n, i);
    map[i] = g;
  });
  const edges = mergeEdges(graph.edges, map, nodes);
  return { nodes, edges, index };
}
