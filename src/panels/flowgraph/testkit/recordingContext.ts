import { GROUP_FONT, LABEL_HEIGHT, measureLabel } from '../render/labels';
import type { Rect } from '../render/viewport';

/**
 * jsdom has no canvas: this records the calls drawScene makes so tests can check what was drawn
 * (how many arcs, which texts) without a browser. Browser tests cover real pixels.
 */
export function recordingContext() {
  const calls: Array<{ op: string; args: unknown[]; font?: string; align?: string; baseline?: string }> = [];
  const rec =
    (op: string) =>
    (...args: unknown[]) => {
      calls.push(
        op === 'fillText'
          ? { op, args, font: ctx.font, align: ctx.textAlign, baseline: ctx.textBaseline }
          : { op, args }
      );
    };
  const ctx = {
    calls,
    globalAlpha: 1,
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    clearRect: rec('clearRect'),
    beginPath: rec('beginPath'),
    moveTo: rec('moveTo'),
    lineTo: rec('lineTo'),
    arc: rec('arc'),
    rect: rec('rect'),
    closePath: rec('closePath'),
    fill: rec('fill'),
    stroke: rec('stroke'),
    fillRect: rec('fillRect'),
    strokeRect: rec('strokeRect'),
    fillText: rec('fillText'),
    strokeText: rec('strokeText'),
    setLineDash: rec('setLineDash'),
    setTransform: rec('setTransform'),
    drawImage: rec('drawImage'),
    count: (op: string) => calls.filter((c) => c.op === op).length,
    texts: () => calls.filter((c) => c.op === 'fillText').map((c) => String(c.args[0])),
    /** The box of every text drawn (centre/top aligned, as the labels are), in canvas pixels. */
    textBoxes: (): Array<Rect & { text: string }> =>
      calls
        .filter((c) => c.op === 'fillText')
        .map((c) => {
          const text = String(c.args[0]);
          const group = c.font === GROUP_FONT;
          const w = measureLabel(text, group);
          const x = Number(c.args[1]);
          const y = Number(c.args[2]);
          const h = group ? LABEL_HEIGHT.group : LABEL_HEIGHT.node;
          const x0 = c.align === 'center' ? x - w / 2 : c.align === 'right' ? x - w : x;
          const y0 = c.baseline === 'top' ? y : c.baseline === 'middle' ? y - h / 2 : y - h;
          return { text, x0, y0, x1: x0 + w, y1: y0 + h };
        }),
  };
  return ctx;
}
