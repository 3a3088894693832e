import type { SpatialIndex } from './spatial';
import type { Styles } from './style';
import type { Rect } from './viewport';

export interface GroupBox {
  key: string;
  rect: Rect;
  color: string;
  count: number;
  /** An open group of the map's levels is drawn as the disc its members sit in. */
  circle?: { x: number; y: number; r: number };
}

/** Everything one frame draws; each part is memoised apart so a pan touches none of them. */
export interface Scene {
  xy: Float32Array;
  sources: Int32Array;
  targets: Int32Array;
  titles: string[];
  /** Node radius in world units. */
  radius: Float32Array;
  maxRadius: number;
  styles: Styles;
  /** Nodes left by the filter and focus; an edge shows when both ends do. */
  visible: Uint8Array;
  /** Edges left by the noise toggles (errors only, changed only…); all when absent. */
  edgeVisible?: Uint8Array;
  /** Member count of group nodes (0 for a node of the data): their names are always labelled. */
  members?: Uint32Array;
  /** Traffic per node, ranking which labels win where they would collide. */
  weight?: Float32Array;
  maxWeight?: number;
  index: SpatialIndex;
  groups: GroupBox[];
  matches: ReadonlySet<number>;
  hovered: number;
  selected: number;
}

export const NODE_RADIUS = 10;

export function nodeRadius(members: number | undefined): number {
  return members ? NODE_RADIUS + 4 * Math.sqrt(members) : NODE_RADIUS;
}

/** Boxes around the members of each group, from the laid-out positions. */
export function groupBoxes(
  xy: Float32Array,
  keys: Array<string | undefined>,
  visible: Uint8Array,
  colorOf: (k: string) => string,
  pad = 24
): GroupBox[] {
  const boxes = new Map<string, GroupBox>();
  keys.forEach((key, i) => {
    if (key === undefined || !visible[i]) {
      return;
    }
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    const b = boxes.get(key);
    if (!b) {
      boxes.set(key, {
        key,
        rect: { x0: x - pad, y0: y - pad, x1: x + pad, y1: y + pad },
        color: colorOf(key),
        count: 1,
      });
      return;
    }
    b.count++;
    b.rect.x0 = Math.min(b.rect.x0, x - pad);
    b.rect.y0 = Math.min(b.rect.y0, y - pad);
    b.rect.x1 = Math.max(b.rect.x1, x + pad);
    b.rect.y1 = Math.max(b.rect.y1, y + pad);
  });
  return [...boxes.values()];
}
