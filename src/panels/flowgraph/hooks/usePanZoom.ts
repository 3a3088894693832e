import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { panBy, type View, zoomAt } from '../render/viewport';

/** Wheel to zoom at the cursor, drag to pan. `dragged` tells a click from the end of a pan. */
export function usePanZoom(target: RefObject<HTMLElement>) {
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const dragged = useRef(false);

  useEffect(() => {
    const el = target.current;
    if (!el) {
      return;
    }
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      setView((v) =>
        zoomAt(v, e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)))
      );
    };
    const onDown = (e: PointerEvent) => {
      if (e.button === 0) {
        drag.current = { x: e.clientX, y: e.clientY, moved: false };
        dragged.current = false;
      }
    };
    const onMove = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) {
        return;
      }
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < 4) {
        return;
      }
      d.moved = true;
      dragged.current = true;
      d.x = e.clientX;
      d.y = e.clientY;
      setView((v) => panBy(v, dx, dy));
    };
    const onUp = () => {
      drag.current = null;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
    };
  }, [target]);

  const zoomBy = useCallback((f: number, cx: number, cy: number) => setView((v) => zoomAt(v, cx, cy, f)), []);
  return { view, setView, zoomBy, dragged };
}
