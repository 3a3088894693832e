import { useMemo } from 'react';
import { buildAdjacency, hopDistances } from '../graph/adjacency';
import { blastRoles } from '../graph/chaos';
import { collapseGroups, type GroupBy, groupKey } from '../graph/collapse';
import { type Noise, noiseMask } from '../graph/noise';
import { type Paths, pathsBetween, pathsOf } from '../graph/paths';
import { summarize } from '../graph/summary';
import { searchMatches } from '../graph/search';
import type { MapGraph, MapNode } from '../graph/types';
import { matchNode } from '../filter/match';
import type { Clause } from '../filter/parse';
import type { Colors } from '../render/colors';
import { type ColorBy, computeStyles, type Overlay, type Styles } from '../render/style';

export interface ModelInput {
  groupBy: GroupBy;
  collapsed: ReadonlySet<string>;
  colorBy: ColorBy;
  overlay: Overlay;
  clauses: Clause[];
  query: string;
  focusId?: string;
  focusHops: number;
  noise: Noise;
  /** Light the callers and callees of this node, or with `pathTo` the paths between the two. */
  pathFrom?: string;
  pathTo?: string;
  pathDepth: number;
  /** The nodes group members index, when `graph` is already a grouped view of them (the map's levels). */
  dataNodes?: MapNode[];
}

/**
 * The data layers of the map, each memoised on what it depends on: collapsing re-lays out,
 * filtering and focus only change the visibility mask, colours only the styles.
 */
export function useFlowModel(graph: MapGraph, m: ModelInput, colors: Colors, formatCost: (v: number) => string) {
  const view = useMemo(() => collapseGroups(graph, m.groupBy, m.collapsed), [graph, m.groupBy, m.collapsed]);
  const adj = useMemo(() => buildAdjacency(view.nodes.length, view.edges), [view]);
  const roles = useMemo(() => blastRoles(view.nodes, adj), [view, adj]);
  const summary = useMemo(() => summarize(view.edges, roles, view.nodes), [view, roles]);
  const base = useMemo(
    () => computeStyles(view, roles, summary, m.colorBy, m.overlay, colors, formatCost),
    [view, roles, summary, m.colorBy, m.overlay, colors, formatCost]
  );
  const from = m.pathFrom !== undefined ? view.index.get(m.pathFrom) : undefined;
  const to = m.pathTo !== undefined ? view.index.get(m.pathTo) : undefined;
  const paths = useMemo(
    () =>
      from === undefined
        ? undefined
        : to === undefined || to === from
          ? pathsOf(adj, view.edges, from, m.pathDepth)
          : pathsBetween(adj, view.edges, from, to, m.pathDepth),
    [adj, view.edges, from, to, m.pathDepth]
  );
  const styles = useMemo(() => (paths ? litStyles(base, paths, colors.focus) : base), [base, paths, colors.focus]);
  const focus = m.focusId !== undefined ? view.index.get(m.focusId) : undefined;
  const noise = useMemo(() => noiseMask(view, m.noise), [view, m.noise]);
  const visible = useMemo(() => {
    const mask = new Uint8Array(view.nodes.length);
    const near = focus !== undefined ? hopDistances(adj, [focus], m.focusHops, 'both') : undefined;
    view.nodes.forEach((n, i) => {
      const inFocus = !near || near[i] >= 0;
      const kept = i === focus || i === from || i === to || noise.nodes[i] === 1;
      mask[i] = kept && inFocus && (i === focus || m.clauses.length === 0 || matchNode(n, m.clauses)) ? 1 : 0;
    });
    return mask;
  }, [view, adj, focus, from, to, noise, m.focusHops, m.clauses]);
  const matches = useMemo(
    () => searchMatches(view.nodes, visible, m.query, m.dataNodes ?? graph.nodes),
    [view, visible, m.query, m.dataNodes, graph]
  );
  const keys = useMemo(
    () => view.nodes.map((n) => (n.members ? undefined : groupKey(n, m.groupBy))),
    [view, m.groupBy]
  );
  return {
    view,
    adj,
    roles,
    summary,
    styles,
    visible,
    edgeVisible: noise.edges,
    matches,
    keys,
    focus,
    paths,
    from,
    to,
  };
}

/** Fades everything off the lit paths; the lit edges take the focus colour. */
export function litStyles(base: Styles, p: Paths, focus: string): Styles {
  const nodeDim = Uint8Array.from(p.nodes, (on) => (on ? 0 : 1));
  const edgeDim = Uint8Array.from(p.edges, (on) => (on ? 0 : 1));
  const edgeColor = base.edgeColor.map((col, k) => (p.edges[k] ? focus : col));
  return { ...base, nodeDim, edgeDim, edgeColor };
}
