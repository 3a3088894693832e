import { type RefObject, useEffect, useRef } from 'react';
import type { Colors } from '../render/colors';
import { drawScene, type DrawStats } from '../render/draw';
import type { Scene } from '../render/scene';
import type { View } from '../render/viewport';

/** Draws at most once per animation frame, whatever changed, on a canvas sized for the screen's DPR. */
export function useCanvasDraw(canvas: RefObject<HTMLCanvasElement>, scene: Scene | undefined, view: View, width: number, height: number, colors: Colors, onDrawn?: (s: DrawStats) => void) {
  const frame = useRef(0);
  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = canvas.current;
      const ctx = el?.getContext('2d');
      if (!el || !ctx) {
        return;
      }
      const dpr = window.devicePixelRatio || 1;
      if (el.width !== Math.round(width * dpr) || el.height !== Math.round(height * dpr)) {
        el.width = Math.round(width * dpr);
        el.height = Math.round(height * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      if (!scene) {
        ctx.clearRect(0, 0, width, height);
        return;
      }
      const stats = drawScene(ctx, scene, view, width, height, colors);
      onDrawn?.(stats);
    });
    return () => cancelAnimationFrame(frame.current);
  }, [canvas, scene, view, width, height, colors, onDrawn]);
}
