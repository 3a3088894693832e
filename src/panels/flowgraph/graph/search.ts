import type { MapNode } from './types';

/** A group's id is made up (`group:cluster=…`), so a group is found by its name only. */
function hit(n: MapNode, q: string): boolean {
  return n.title.toLowerCase().includes(q) || (!n.members && n.id.toLowerCase().includes(q));
}

/**
 * The drawn nodes the search finds: a node whose name or id holds the query, or a closed group
 * with such a node inside it (so a workload is found while its group is closed). `members` index
 * `data`, the nodes of the data before grouping.
 */
export function searchMatches(nodes: MapNode[], visible: Uint8Array, query: string, data: MapNode[]): Set<number> {
  const q = query.trim().toLowerCase();
  const set = new Set<number>();
  if (!q) {
    return set;
  }
  nodes.forEach((n, i) => {
    if (visible[i] && (hit(n, q) || n.members?.some((m) => hit(data[m], q)))) {
      set.add(i);
    }
  });
  return set;
}
