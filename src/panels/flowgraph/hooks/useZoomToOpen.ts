import { useEffect } from 'react';
import type { Scene } from '../render/scene';
import type { View } from '../render/viewport';

/** A closed group whose disc covers this share of the map's smaller side opens (panel option). */
export const ZOOM_OPEN_SHARE = 0.6;

/**
 * Zooming into a group may open it: when the view rests with a closed group's disc filling most
 * of the map and its centre on screen, `open` is called with that node.
 */
export function useZoomToOpen(
  on: boolean,
  scene: Scene | undefined,
  view: View,
  width: number,
  height: number,
  open: (node: number) => void
) {
  useEffect(() => {
    if (!on || !scene?.members) {
      return;
    }
    const timer = setTimeout(() => {
      const side = Math.min(width, height);
      let best = -1;
      let bestR = 0;
      scene.members!.forEach((m, i) => {
        if (!m || !scene.visible[i]) {
          return;
        }
        const r = scene.radius[i] * view.k;
        const x = scene.xy[2 * i] * view.k + view.x;
        const y = scene.xy[2 * i + 1] * view.k + view.y;
        if (2 * r >= ZOOM_OPEN_SHARE * side && x > 0 && x < width && y > 0 && y < height && r > bestR) {
          best = i;
          bestR = r;
        }
      });
      if (best >= 0) {
        open(best);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [on, scene, view, width, height, open]);
}
