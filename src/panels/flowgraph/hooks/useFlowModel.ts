import { useMemo } from 'react';
import { buildAdjacency, hopDistances } from '../graph/adjacency';
import { blastRoles } from '../graph/chaos';
import { collapseGroups, type GroupBy, groupKey } from '../graph/collapse';
import { summarize } from '../graph/summary';
import type { FlowGraph } from '../graph/types';
import { matchNode } from '../filter/match';
import type { Clause } from '../filter/parse';
import type { Colors } from '../render/colors';
import { type ColorBy, computeStyles, type Overlay } from '../render/style';

export interface ModelInput {
  groupBy: GroupBy;
  collapsed: ReadonlySet<string>;
  colorBy: ColorBy;
  overlay: Overlay;
  clauses: Clause[];
  query: string;
  focusId?: string;
  focusHops: number;
}

/**
 * The data layers of the map, each memoised on what it depends on: collapsing re-lays out,
 * filtering and focus only change the visibility mask, colours only the styles.
 */
export function useFlowModel(graph: FlowGraph, m: ModelInput, colors: Colors, formatCost: (v: number) => string) {
  const view = useMemo(() => collapseGroups(graph, m.groupBy, m.collapsed), [graph, m.groupBy, m.collapsed]);
  const adj = useMemo(() => buildAdjacency(view.nodes.length, view.edges), [view]);
  const roles = useMemo(() => blastRoles(view.nodes, adj), [view, adj]);
  const summary = useMemo(() => summarize(view.edges, roles), [view, roles]);
  const styles = useMemo(
    () => computeStyles(view, roles, summary, m.colorBy, m.overlay, colors, formatCost),
    [view, roles, summary, m.colorBy, m.overlay, colors, formatCost]
  );
  const focus = m.focusId !== undefined ? view.index.get(m.focusId) : undefined;
  const visible = useMemo(() => {
    const mask = new Uint8Array(view.nodes.length);
    const near = focus !== undefined ? hopDistances(adj, [focus], m.focusHops, 'both') : undefined;
    view.nodes.forEach((n, i) => {
      const inFocus = !near || near[i] >= 0;
      mask[i] = inFocus && (i === focus || m.clauses.length === 0 || matchNode(n, m.clauses)) ? 1 : 0;
    });
    return mask;
  }, [view, adj, focus, m.focusHops, m.clauses]);
  const matches = useMemo(() => {
    const q = m.query.trim().toLowerCase();
    const set = new Set<number>();
    if (q) {
      view.nodes.forEach((n, i) => {
        if (visible[i] && (n.title.toLowerCase().includes(q) || n.id.toLowerCase().includes(q))) {
          set.add(i);
        }
      });
    }
    return set;
  }, [view, visible, m.query]);
  const keys = useMemo(
    () => view.nodes.map((n) => (n.members ? undefined : groupKey(n, m.groupBy))),
    [view, m.groupBy]
  );
  return { view, adj, roles, summary, styles, visible, matches, keys, focus };
}
