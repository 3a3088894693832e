import type { GroupBy } from './graph/collapse';
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
}

export const DEFAULT_OPTIONS: FlowGraphOptions = {
  layout: 'auto',
  colorBy: 'auto',
  groupBy: 'none',
  overlay: 'auto',
  showLabels: true,
  focusHops: 1,
  nodeLimit: 20_000,
  filter: '',
  dashboardUrl: '',
};
