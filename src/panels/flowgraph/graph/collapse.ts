import type { FlowEdge, FlowGraph, FlowNode } from './types';

export type GroupBy = 'none' | 'team' | 'namespace' | 'owner';

export const UNGROUPED = '(none)';

export function groupKey(n: FlowNode, by: GroupBy): string | undefined {
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
export function collapseGroups(graph: FlowGraph, by: GroupBy, collapsed: ReadonlySet<string>): FlowGraph {
  if (by === 'none' || collapsed.size === 0) {
    return graph;
  }
  const nodes: FlowNode[] = [];
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
    const group = nodes[g];
    group.members!.push(i);
    group.bytes = (group.bytes ?? 0) + (n.bytes ?? 0);
    group.cost = (group.cost ?? 0) + (n.cost ?? 0);
    group.errorShare = Math.max(group.errorShare ?? 0, n.errorShare ?? 0);
    group.chaos ??= n.chaos === 'target' ? 'target' : undefined;
    map[i] = g;
  });
  const merged = new Map<string, FlowEdge>();
  const edges: FlowEdge[] = [];
  for (const e of graph.edges) {
    const s = map[e.source];
    const t = map[e.target];
    if (s === t) {
      continue;
    }
    const grouped = nodes[s].members || nodes[t].members;
    if (!grouped) {
      edges.push(s === e.source && t === e.target ? e : { ...e, source: s, target: t });
      continue;
    }
    const key = `${s}>${t}`;
    const m = merged.get(key);
    if (!m) {
      const fresh: FlowEdge = {
        ...e,
        id: `${nodes[s].id}->${nodes[t].id}`,
        source: s,
        target: t,
        src: undefined,
        mainStat: undefined,
        secondaryStat: undefined,
      };
      merged.set(key, fresh);
      edges.push(fresh);
      continue;
    }
    m.weight += e.weight;
    m.bytes = add(m.bytes, e.bytes);
    m.cost = add(m.cost, e.cost);
    m.errors = add(m.errors, e.errors);
    m.errorShare = Math.max(m.errorShare ?? 0, e.errorShare ?? 0);
    m.crossZone = m.crossZone || e.crossZone;
    m.diff = m.diff === e.diff ? m.diff : 'changed';
  }
  return { nodes, edges, index };
}

function add(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}
