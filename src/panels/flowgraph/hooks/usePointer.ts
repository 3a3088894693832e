import { type MutableRefObject, type RefObject, useEffect, useState } from 'react';
import type { Scene } from '../render/scene';
import { hitEdge, hitNode } from '../render/spatial';
import { toWorld, type View } from '../render/viewport';

/** x, y relative to the map; clientX, clientY in the page. */
export type Hit = { kind: 'node' | 'edge'; index: number; x: number; y: number; clientX: number; clientY: number };

/** What is under the pointer: nodes first (within their radius + 4 px), then edges within 4 px. */
export function hitTest(scene: Scene, view: View, sx: number, sy: number): Hit | undefined {
  const [wx, wy] = toWorld(view, sx, sy);
  const tol = 4 / view.k;
  const i = hitNode(scene.index, wx, wy, scene.maxRadius + tol, (j) => scene.visible[j] === 1);
  if (i >= 0 && Math.hypot(scene.xy[2 * i] - wx, scene.xy[2 * i + 1] - wy) <= scene.radius[i] + tol) {
    return { kind: 'node', index: i, x: sx, y: sy, clientX: sx, clientY: sy };
  }
  const k = hitEdge(
    scene.index,
    scene.xy,
    scene.sources,
    scene.targets,
    wx,
    wy,
    tol,
    (e) =>
      scene.visible[scene.sources[e]] === 1 &&
      scene.visible[scene.targets[e]] === 1 &&
      (!scene.edgeVisible || scene.edgeVisible[e] === 1)
  );
  return k >= 0 ? { kind: 'edge', index: k, x: sx, y: sy, clientX: sx, clientY: sy } : undefined;
}

/** Hover and click on the canvas; a click that ended a drag is not a click. */
export function usePointer(
  target: RefObject<HTMLElement>,
  scene: Scene | undefined,
  view: View,
  dragged: MutableRefObject<boolean>,
  onClick: (hit: Hit | undefined, shift: boolean) => void
) {
  const [hover, setHover] = useState<Hit | undefined>();
  useEffect(() => {
    const el = target.current;
    if (!el || !scene) {
      return;
    }
    const at = (e: PointerEvent | MouseEvent) => {
      const r = el.getBoundingClientRect();
      const hit = hitTest(scene, view, e.clientX - r.left, e.clientY - r.top);
      return hit && { ...hit, clientX: e.clientX, clientY: e.clientY };
    };
    const onMove = (e: PointerEvent) => setHover(e.buttons ? undefined : at(e));
    const onLeave = () => setHover(undefined);
    const onUp = (e: MouseEvent) => {
      if (!dragged.current) {
        onClick(at(e), e.shiftKey);
      }
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('click', onUp);
    return () => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('click', onUp);
    };
  }, [target, scene, view, dragged, onClick]);
  return hover;
}
