import { type RefObject, useEffect, useRef } from 'react';
import type { Colors } from '../render/colors';
import { Painter } from '../render/painter';
import type { Scene } from '../render/scene';
import type { View } from '../render/viewport';

/**
 * Keeps one Painter per scene/size/colours and paints the view at most once per animation frame;
 * a moving view only transforms the last crisp texture (see Painter).
 */
export function useCanvasDraw(
  canvas: RefObject<HTMLCanvasElement>,
  scene: Scene | undefined,
  view: View,
  width: number,
  height: number,
  colors: Colors
) {
  const painter = useRef<Painter | undefined>(undefined);
  const frame = useRef(0);
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  }, [view]);
  useEffect(() => {
    const el = canvas.current;
    if (!el) {
      return;
    }
    const p = new Painter(el, scene, width, height, colors, window.devicePixelRatio || 1);
    p.resizeCanvas();
    painter.current = p;
    const id = requestAnimationFrame(() => p.paint(latest.current));
    return () => {
      cancelAnimationFrame(id);
      p.dispose();
    };
  }, [canvas, scene, width, height, colors]);
  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => painter.current?.paint(view));
    return () => cancelAnimationFrame(frame.current);
  }, [view]);
}
