import type { Colors } from './colors';
import { drawCost, type DrawStats, planScene, type ScenePlan } from './draw';
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
/**
 * A crisp draw costing more than this (see drawCost) runs in slices of about SLICE_MS, each its
 * own task, so a 10,000-node map or a thousand labels never block input for the whole draw; the
 * last texture stays on screen until the new one is complete.
 */
export const SLICE_ABOVE = 4000;
export const SLICE_MS = 8;

/** Where to draw a texture rendered at `at` (with margins mx, my) so it shows view `v`. */
export function blitRect(at: View, v: View, mx: number, my: number, tw: number, th: number) {
  const s = v.k / at.k;
  return { x: v.x - (at.x + mx) * s, y: v.y - (at.y + my) * s, w: tw * s, h: th * s };
}

/**
 * Paints a scene on a canvas. A still view is drawn crisp into a texture a little larger than the
 * viewport; while the view moves, each frame only transforms that texture (one drawImage, the way
 * map renderers and Cytoscape's textureOnViewport keep pan/zoom smooth), and a crisp redraw follows
 * once the view rests. Any change of scene, size or colours redraws at once. A large scene is
 * drawn crisp in slices into a second texture, which replaces the first when complete.
 */
export class Painter {
  private texture?: HTMLCanvasElement;
  private back?: HTMLCanvasElement;
  private at?: View;
  private timer?: ReturnType<typeof setTimeout>;
  private slicing?: { view: View; timer?: ReturnType<typeof setTimeout> };
  private last?: View;
  private lastPaint = -Infinity;

  constructor(
    private canvas: HTMLCanvasElement,
    private scene: Scene | undefined,
    private w: number,
    private h: number,
    private colors: Colors,
    private dpr = 1,
    /** After each crisp draw, with the longest main-thread task it took (the whole draw unless sliced). */
    private onCrisp?: (s: DrawStats, ms: number) => void
  ) {}

  /** Sizes the canvas backing store for the device pixel ratio. */
  resizeCanvas() {
    this.canvas.width = Math.round(this.w * this.dpr);
    this.canvas.height = Math.round(this.h * this.dpr);
  }

  dispose() {
    clearTimeout(this.timer);
    this.stopSlicing();
  }

  /** Draws `v`; returns whether it was a crisp draw (perhaps still in progress) or a texture transform. */
  paint(v: View): 'crisp' | 'texture' {
    const jump = performance.now() - this.lastPaint > GESTURE_GAP_MS;
    this.last = v;
    clearTimeout(this.timer);
    if (this.slicing && !sameView(this.slicing.view, v)) {
      this.stopSlicing();
    }
    let kind: 'crisp' | 'texture' = 'crisp';
    if (!this.texture || !this.at || jump) {
      this.crisp(v);
    } else if (sameView(this.at, v)) {
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
    // paint() has already abandoned a sliced draw of any other view; this one is under way.
    if (this.slicing) {
      return;
    }
    const t0 = performance.now();
    const mx = Math.round(this.w * MARGIN);
    const my = Math.round(this.h * MARGIN);
    const tw = this.w + 2 * mx;
    const th = this.h + 2 * my;
    const plan = this.scene ? planScene(this.scene, { x: v.x + mx, y: v.y + my, k: v.k }, tw, th, this.colors) : undefined;
    if (plan && drawCost(plan.stats) > SLICE_ABOVE) {
      this.slice(v, plan, tw, th, t0);
      return;
    }
    const target = this.sized(this.texture, tw, th);
    const ctx = target.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, tw, th);
    plan?.steps.forEach((step) => step(ctx));
    this.texture = target;
    this.at = v;
    this.blit(v);
    if (plan) {
      this.onCrisp?.(plan.stats, performance.now() - t0);
    }
  }

  /** Runs the plan into the back texture a slice per task; swaps it in when every step has run. */
  private slice(v: View, plan: ScenePlan, tw: number, th: number, planned: number) {
    const back = this.sized(this.back, tw, th);
    this.back = back;
    const ctx = back.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.clearRect(0, 0, tw, th);
    const job: { view: View; timer?: ReturnType<typeof setTimeout> } = { view: v };
    this.slicing = job;
    let next = 0;
    let longest = 0;
    // The first slice runs in the task that planned the draw: its time counts from the planning.
    let t0 = planned;
    const run = () => {
      while (next < plan.steps.length && performance.now() - t0 < SLICE_MS) {
        plan.steps[next++](ctx);
      }
      longest = Math.max(longest, performance.now() - t0);
      if (next < plan.steps.length) {
        job.timer = setTimeout(() => {
          t0 = performance.now();
          run();
        }, 0);
        return;
      }
      this.slicing = undefined;
      this.back = this.texture;
      this.texture = back;
      this.at = v;
      this.blit(this.last ?? v);
      this.onCrisp?.(plan.stats, longest);
    };
    // Until the new texture is complete, the old one (if any) shows this view transformed.
    this.blit(v);
    run();
  }

  private stopSlicing() {
    clearTimeout(this.slicing?.timer);
    this.slicing = undefined;
  }

  private sized(c: HTMLCanvasElement | undefined, tw: number, th: number): HTMLCanvasElement {
    const t = c ?? document.createElement('canvas');
    if (t.width !== Math.round(tw * this.dpr) || t.height !== Math.round(th * this.dpr)) {
      t.width = Math.round(tw * this.dpr);
      t.height = Math.round(th * this.dpr);
    }
    return t;
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

function sameView(a: View, b: View): boolean {
  return a.x === b.x && a.y === b.y && a.k === b.k;
}
