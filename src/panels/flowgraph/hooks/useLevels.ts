import { useCallback, useMemo, useState } from 'react';
import { buildTree, type Hierarchy, initialOpen, pathTo, type Tree, validOpen } from '../graph/hierarchy';
import { levelViews } from '../graph/levelView';
import type { MapGraph } from '../graph/types';
import { LevelsLayout } from '../layout/levelsLayout';
import { type Colors, keyColors } from '../render/colors';
import { nodeRadius, type GroupBox } from '../render/scene';
import { openParam, useOpenGroups } from './useOpenGroups';

/** A closed group is drawn as a disc of this share of the region it reserves for its members. */
const CLOSED_SHARE = 0.45;

/** Ids of `g` and every group inside it. */
function withDescendants(tree: Tree, g: number, out: Set<string>) {
  out.add(tree.groups[g].id);
  for (const c of tree.groups[g].children) {
    withDescendants(tree, c, out);
  }
}

/**
 * The map's levels: above `budget` nodes the graph is drawn at its open groups (in the URL), each
 * closed group one node; positions come from the stable hierarchical layout, not the worker.
 */
export function useLevels(graph: MapGraph, hierarchy: Hierarchy, budget: number, colors: Colors, panelId?: number) {
  const tree = useMemo(() => buildTree(graph, hierarchy), [graph, hierarchy]);
  const active = tree.levels.length > 0 && graph.nodes.length > budget;
  const [urlOpen, writeOpen] = useOpenGroups(openParam(panelId));
  const initial = useMemo(() => initialOpen(tree, budget), [tree, budget]);
  const open = useMemo(() => validOpen(tree, urlOpen ?? initial), [tree, urlOpen, initial]);
  const layout = useMemo(() => {
    if (!active) {
      return undefined;
    }
    const l = new LevelsLayout(
      tree,
      Int32Array.from(graph.edges, (e) => e.source),
      Int32Array.from(graph.edges, (e) => e.target)
    );
    return { engine: l, ms: l.ms };
  }, [active, tree, graph]);
  // Opening a group starts from the view drawn before: only the opened group's members change.
  const [viewAt] = useState(levelViews);
  const view = useMemo(() => (active ? viewAt(graph, tree, open) : undefined), [viewAt, active, graph, tree, open]);
  const positions = useMemo(() => (view && layout ? layout.engine.positions(view) : undefined), [view, layout]);
  const radius = useMemo(
    () =>
      view && layout
        ? Float32Array.from(view.groupOf, (g, v) =>
            g >= 0
              ? Math.max(nodeRadius(view.graph.nodes[v].members?.length), CLOSED_SHARE * layout.engine.radius[g])
              : nodeRadius(undefined)
          )
        : undefined,
    [view, layout]
  );
  const regions = useMemo((): GroupBox[] => {
    if (!view || !layout) {
      return [];
    }
    const colorOf = keyColors(
      view.opened.map((g) => tree.groups[g].title),
      colors.series
    );
    return view.opened.map((g) => {
      const [x, y] = layout.engine.center(g);
      const r = layout.engine.radius[g];
      const grp = tree.groups[g];
      return {
        key: grp.title,
        count: grp.leaves.length,
        color: colorOf(grp.title),
        rect: { x0: x - r, y0: y - r, x1: x + r, y1: y + r },
        circle: { x, y, r },
      };
    });
  }, [view, layout, tree, colors]);
  /** The breadcrumb: from the top to the deepest group opened last. */
  const crumbs = useMemo(() => {
    const ids = urlOpen ? [...open] : [];
    const last = ids.length ? tree.byId.get(ids[ids.length - 1]) : undefined;
    return last === undefined
      ? []
      : pathTo(tree, last).map((g) => ({ id: tree.groups[g].id, title: tree.groups[g].title }));
  }, [open, tree, urlOpen]);

  const toggle = useCallback(
    (groupId: string) => {
      const g = tree.byId.get(groupId);
      if (g === undefined) {
        return;
      }
      const next = new Set(open);
      if (next.has(groupId)) {
        const closing = new Set<string>();
        withDescendants(tree, g, closing);
        closing.forEach((id) => next.delete(id));
      } else {
        // Opening a group inside closed ones opens those too; listed last, it is where the breadcrumb points.
        pathTo(tree, g).forEach((p) => {
          next.delete(tree.groups[p].id);
          next.add(tree.groups[p].id);
        });
      }
      writeOpen(next);
    },
    [tree, open, writeOpen]
  );
  /** Back up to a crumb: only the groups on its path stay open (none for the top). */
  const upTo = useCallback(
    (groupId: string | undefined) => {
      const g = groupId === undefined ? undefined : tree.byId.get(groupId);
      writeOpen(new Set(g === undefined ? [] : pathTo(tree, g).map((p) => tree.groups[p].id)));
    },
    [tree, writeOpen]
  );
  /** The group a node of the view belongs to, one level up (what "Close" closes). */
  const parentOf = useCallback(
    (v: number): string | undefined => {
      if (!view) {
        return undefined;
      }
      const g = view.groupOf[v];
      const L = tree.levels.length;
      const p = g >= 0 ? tree.groups[g].parent : L ? tree.chain[view.leafOf[v] * L + L - 1] : -1;
      return p >= 0 ? tree.groups[p].id : undefined;
    },
    [view, tree]
  );
  return {
    active,
    tree,
    open,
    view,
    positions,
    radius,
    regions,
    crumbs,
    layoutMs: layout?.ms,
    toggle,
    upTo,
    parentOf,
  };
}
