import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Colors } from '../render/colors';
import type { DrawStats } from '../render/draw';
import { Painter } from '../render/painter';
import type { Scene } from '../render/scene';
import type { View } from '../render/viewport';

/**
 * Keeps one Painter per scene/size/colours and paints the view at most once per animation frame;
 * a moving view only transforms the last crisp texture (see Painter).
 */
export function useCanvasDraw(canvas: RefObject<HTMLCanvasElement>, scene: Scene | undefined, view: View, width: number, height: number, colors: Colors) {
  const [painter, setPainter] = useState<Painter | undefined>();
  const [stats, setStats] = useState<DrawStats | undefined>();
  const frame = useRef(0);
  useEffect(() => {
    const el = canvas.current;
    if (!el) {
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(width * dpr);
    el.height = Math.round(height * dpr);
    const p = new Painter(el, scene, width, height, colors, dpr, setStats);
    setPainter(p);
    return () => p.dispose();
  }, [canvas, scene, width, height, colors]);
  useEffect(() => {
    if (!painter) {
      return;
    }
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => painter.paint(view));
    return () => cancelAnimationFrame(frame.current);
  }, [painter, view]);
  return stats;
}
