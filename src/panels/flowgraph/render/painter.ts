import type { Colors } from './colors';
import { drawScene, type DrawStats } from './draw';
import type { Scene } from './scene';
import type { View } from './viewport';

/** Share of the viewport drawn beyond each edge of the texture, so a pan shows map, not blank. */
export const MARGIN = 0.25;
/** A view held still this long gets a crisp redraw. */
export const SETTLE_MS = 120;
/**
 * A paint this long after the previous one ended is a jump (fit, focus), not a gesture: drawn
 * crisp. Counted from the end of a paint so that one slow crisp frame does not make the next one
 * crisp too.
 */
export const GESTURE_GAP_MS = 250;

/** Where to draw a texture rendered at `at` (with margins mx, my) so it shows view `v`. */
export function blitRect(at: View, v: View, mx: number, my: number, tw: number, th: number) {
  const s = v.k / at.k;
  return { x: v.x - (at.x + mx) * s, y: v.y - (at.y + my) * s, w: tw * s, h: th * s };
}

/**
 * Paints a scene on a canvas. A still view is drawn crisp into a texture a little larger than the
 * viewport; while the view moves, each frame only transforms that texture (one drawImage, the way
 * map renderers and Cytoscape's textureOnViewport keep pan/zoom smooth), and a crisp redraw follows
 * once the view rests. Any change of scene, size or colours redraws at once.
 */
export class Painter {
  private texture?: HTMLCanvasElement;
  private at?: View;
  private timer?: ReturnType<typeof setTimeout>;
  private last?: View;
  private lastPaint = -Infinity;
  lastStats?: DrawStats;

  constructor(
    private canvas: HTMLCanvasElement,
    private scene: Scene | undefined,
    private w: number,
    private h: number,
    private colors: Colors,
    private dpr = 1,
    private onCrisp?: (s: DrawStats, ms: number) => void
  ) {}

  /** Sizes the canvas backing store for the device pixel ratio. */
  resizeCanvas() {
    this.canvas.width = Math.round(this.w * this.dpr);
    this.canvas.height = Math.round(this.h * this.dpr);
  }

  dispose() {
    clearTimeout(this.timer);
  }

  /** Draws `v`; returns whether it was a crisp draw or a texture transform. */
  paint(v: View): 'crisp' | 'texture' {
    const jump = performance.now() - this.lastPaint > GESTURE_GAP_MS;
    this.last = v;
    clearTimeout(this.timer);
    let kind: 'crisp' | 'texture' = 'crisp';
    if (!this.texture || !this.at || jump) {
      this.crisp(v);
    } else if (this.at.x === v.x && this.at.y === v.y && this.at.k === v.k) {
      this.blit(v);
    } else {
      this.blit(v);
      this.timer = setTimeout(() => this.last && this.crisp(this.last), SETTLE_MS);
      kind = 'texture';
    }
    this.lastPaint = performance.now();
    return kind;
  }

  private crisp(v: View) {
    const t0 = performance.now();
    const mx = Math.round(this.w * MARGIN);
    const my = Math.round(this.h * MARGIN);
    const tw = this.w + 2 * mx;
    const th = this.h + 2 * my;
    const t = this.texture ?? document.createElement('canvas');
    if (t.width !== Math.round(tw * this.dpr) || t.height !== Math.round(th * this.dpr)) {
      t.width = Math.round(tw * this.dpr);
      t.height = Math.round(th * this.dpr);
    }
    const ctx = t.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, tw, th);
    if (this.scene) {
      this.lastStats = drawScene(ctx, this.scene, { x: v.x + mx, y: v.y + my, k: v.k }, tw, th, this.colors);
    }
    this.texture = t;
    this.at = v;
    this.blit(v);
    if (this.lastStats) {
      this.onCrisp?.(this.lastStats, performance.now() - t0);
    }
  }

  private blit(v: View) {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.texture || !this.at) {
      return;
    }
    const mx = Math.round(this.w * MARGIN);
    const my = Math.round(this.h * MARGIN);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, this.w, this.h);
    const r = blitRect(this.at, v, mx, my, this.w + 2 * mx, this.h + 2 * my);
    ctx.drawImage(this.texture, r.x, r.y, r.w, r.h);
  }
}
