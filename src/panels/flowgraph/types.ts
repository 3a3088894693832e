import type { GroupBy } from './graph/collapse';
import type { Hierarchy } from './graph/hierarchy';
import type { LayoutMode } from './layout/types';
import type { ColorBy, Overlay } from './render/style';

export interface FlowGraphOptions {
  layout: LayoutMode;
  colorBy: ColorBy;
  groupBy: GroupBy;
  overlay: Overlay;
  showLabels: boolean;
  /** Hops around a focused node that stay visible. */
  focusHops: number;
  /** Above this many nodes the busiest are kept and a notice says so. */
  nodeLimit: number;
  /** Starting filter expression, e.g. `team=payments errors>1%`. */
  filter: string;
  /** Dashboard opened from the node menu; `${service}` is replaced by the node name. */
  dashboardUrl: string;
  /** Levels of the map: cluster, then namespace (auto), team or system; none draws every node. */
  hierarchy: Hierarchy;
  /** Above this many nodes the map opens at the finest level that fits. */
  nodeBudget: number;
  /** How many hops of callers and callees a selected node lights. */
  pathDepth: number;
  /** The traffic floor of the toolbar's toggle, in bytes/s (or the stat edges are ranked by). */
  trafficFloor: number;
  /** Zooming in on a closed group until it fills most of the map opens it. */
  zoomToOpen: boolean;
}

export const DEFAULT_OPTIONS: FlowGraphOptions = {
  layout: 'auto',
  colorBy: 'auto',
  groupBy: 'none',
  overlay: 'auto',
  showLabels: true,
  focusHops: 1,
  nodeLimit: 100_000,
  filter: '',
  dashboardUrl: '',
  hierarchy: 'auto',
  nodeBudget: 150,
  pathDepth: 6,
  trafficFloor: 10_000,
  zoomToOpen: false,
};
