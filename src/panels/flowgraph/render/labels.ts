import type { Rect } from './viewport';

export const LABEL_FONT = '12px Inter, Helvetica, Arial, sans-serif';
export const GROUP_FONT = 'bold 13px Inter, Helvetica, Arial, sans-serif';
/** Height of a label's box in pixels: its font size and a little air. */
export const LABEL_HEIGHT = { node: 15, group: 16 };
const MAX_CHARS = 28;

export interface LabelCandidate {
  text: string;
  /** Anchor in screen pixels: the node centre. */
  x: number;
  y: number;
  /** Distance from the anchor to the text when placed below or above (the node's screen radius). */
  gap: number;
  priority: number;
  group: boolean;
  /** Try the anchor itself first (a group's name sits inside its disc). */
  inside?: boolean;
}

export interface PlacedLabel {
  text: string;
  /** Centre of the text's top edge, as drawn with textAlign center, textBaseline top. */
  x: number;
  y: number;
  box: Rect;
  group: boolean;
}

export type Measure = (text: string, group: boolean) => number;

let measureCtx: OffscreenCanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/**
 * Text width in pixels, from a real 2D context where there is one (cached: a frame asks for the
 * same names again), else a generous estimate (0.62 em per character).
 */
export const measureLabel: Measure = (text, group) => {
  const key = `${group ? 'g' : 'n'}${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (measureCtx === undefined) {
      measureCtx = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    }
    if (measureCtx) {
      measureCtx.font = group ? GROUP_FONT : LABEL_FONT;
      w = measureCtx.measureText(text).width;
    } else {
      w = text.length * (group ? 13 : 12) * 0.62;
    }
    if (widths.size > 50_000) {
      widths.clear();
    }
    widths.set(key, w);
  }
  return w;
};

export function truncate(t: string): string {
  return t.length > MAX_CHARS ? `${t.slice(0, MAX_CHARS - 1)}…` : t;
}

const CELL = 64;

/** A uniform grid over placed boxes: each test touches the few cells a box covers. */
class BoxGrid {
  private cells = new Map<number, Rect[]>();

  private *keys(r: Rect) {
    for (let cx = Math.floor(r.x0 / CELL); cx <= Math.floor(r.x1 / CELL); cx++) {
      for (let cy = Math.floor(r.y0 / CELL); cy <= Math.floor(r.y1 / CELL); cy++) {
        yield cx * 100_003 + cy;
      }
    }
  }

  hits(r: Rect): boolean {
    for (const k of this.keys(r)) {
      for (const b of this.cells.get(k) ?? []) {
        if (r.x0 < b.x1 && b.x0 < r.x1 && r.y0 < b.y1 && b.y0 < r.y1) {
          return true;
        }
      }
    }
    return false;
  }

  add(r: Rect) {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      list ? list.push(r) : this.cells.set(k, [r]);
    }
  }
}

/**
 * Greedy label placement: by priority, each label takes the first of its positions (inside,
 * below, above, right, left of its node) whose box meets no label placed before it and lies in
 * the viewport; a label with no free position is not drawn. So labels never overlap at any zoom,
 * and the most important ones (group names, the selection, search matches) win.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  viewport: Rect,
  measure: Measure = measureLabel,
  max = 600
): PlacedLabel[] {
  const grid = new BoxGrid();
  const placed: PlacedLabel[] = [];
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b].priority - candidates[a].priority || a - b);
  for (const i of order) {
    if (placed.length >= max) {
      break;
    }
    const c = candidates[i];
    const text = truncate(c.text);
    const w = measure(text, c.group);
    const h = c.group ? LABEL_HEIGHT.group : LABEL_HEIGHT.node;
    const gap = c.gap + 3;
    const spots: Array<[number, number]> = [
      ...(c.inside ? [[c.x, c.y - h / 2] as [number, number]] : []),
      [c.x, c.y + gap],
      [c.x, c.y - gap - h],
      [c.x + gap + w / 2, c.y - h / 2],
      [c.x - gap - w / 2, c.y - h / 2],
    ];
    for (const [x, y] of spots) {
      const box = { x0: x - w / 2 - 1, y0: y, x1: x + w / 2 + 1, y1: y + h };
      if (box.x1 < viewport.x0 || box.x0 > viewport.x1 || box.y1 < viewport.y0 || box.y0 > viewport.y1) {
        continue;
      }
      if (!grid.hits(box)) {
        grid.add(box);
        placed.push({ text, x, y, box, group: c.group });
        break;
      }
    }
  }
  return placed;
}

/** Pairs of boxes that overlap (for tests and the bench: none is the rule). */
export function overlaps(boxes: Rect[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].x0 - boxes[b].x0);
  for (let p = 0; p < order.length; p++) {
    const a = boxes[order[p]];
    for (let q = p + 1; q < order.length; q++) {
      const b = boxes[order[q]];
      if (b.x0 >= a.x1) {
        break;
      }
      if (a.y0 < b.y1 && b.y0 < a.y1) {
        out.push([order[p], order[q]]);
      }
    }
  }
  return out;
}
