import { graphOf } from '../testkit/graph';
import { recordingContext } from '../testkit/recordingContext';
import type { Colors } from './colors';
import { blitRect, GESTURE_GAP_MS, Painter, SETTLE_MS, SLICE_ABOVE, SLICE_MS } from './painter';
import type { Scene } from './scene';
import { buildIndex } from './spatial';
import { computeStyles } from './style';
import { summarize } from '../testkit/summary';

jest.mock('flatbush', () =>
  jest.requireActual(require('path').resolve(__dirname, '../../../../node_modules/flatbush/flatbush.js'))
);

describe('blitRect', () => {
  it('is the identity for the view the texture was drawn at', () => {
    expect(blitRect({ x: 10, y: 20, k: 2 }, { x: 10, y: 20, k: 2 }, 50, 30, 300, 200)).toEqual({
      x: -50,
      y: -30,
      w: 300,
      h: 200,
    });
  });

  it('maps a world point where the new view puts it', () => {
    const at = { x: 10, y: 20, k: 2 };
    const v = { x: -40, y: 5, k: 3 };
    const r = blitRect(at, v, 50, 30, 300, 200);
    // world point (7, 9): texture pixel 7*2+10+50, screen 7*3-40
    const tx = 7 * at.k + at.x + 50;
    expect(r.x + tx * (r.w / 300)).toBeCloseTo(7 * v.k + v.x);
    const ty = 9 * at.k + at.y + 30;
    expect(r.y + ty * (r.h / 200)).toBeCloseTo(9 * v.k + v.y);
  });
});

describe('Painter', () => {
  const colors = { background: '#000', edge: '#777', text: '#fff', textWeak: '#aaa', series: ['#f00'] } as Colors;
  let contexts: Array<ReturnType<typeof recordingContext>>;
  beforeEach(() => {
    jest.useFakeTimers();
    contexts = [];
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      const self = this as HTMLCanvasElement & { rec?: ReturnType<typeof recordingContext> };
      if (!self.rec) {
        self.rec = recordingContext();
        contexts.push(self.rec);
      }
      return self.rec as unknown as CanvasRenderingContext2D;
    });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** A chain of `n` nodes along the x axis, 50 world units apart. */
  function scene(n = 3): Scene {
    const names = Array.from({ length: n }, (_, i) => `n${i}`);
    const g = graphOf(names.slice(1).map((name, i) => `${names[i]}>${name}`));
    const xy = Float32Array.from(names.flatMap((_, i) => [i * 50, 0]));
    const sources = Int32Array.from(names.slice(1).map((_, i) => i));
    const targets = Int32Array.from(names.slice(1).map((_, i) => i + 1));
    return {
      xy,
      sources,
      targets,
      titles: names,
      radius: new Float32Array(n).fill(10),
      maxRadius: 10,
      styles: computeStyles(g, [], summarize(g), 'health', 'none', colors, String),
      visible: new Uint8Array(n).fill(1),
      index: buildIndex(xy, sources, targets),
      groups: [],
      matches: new Set(),
      hovered: -1,
      selected: -1,
    };
  }

  it('draws crisp, transforms the texture while the view moves, and redraws crisp at rest', () => {
    const canvas = document.createElement('canvas');
    const p = new Painter(canvas, scene(), 400, 300, colors);
    expect(p.paint({ x: 0, y: 0, k: 1 })).toBe('crisp');
    const texture = contexts[0]; // the texture is drawn first, then blitted to the canvas
    const drawsAfterFirst = texture.count('arc');
    expect(drawsAfterFirst).toBeGreaterThan(0);
    expect(p.paint({ x: 30, y: 0, k: 1.2 })).toBe('texture');
    expect(texture.count('arc')).toBe(drawsAfterFirst); // nothing re-rendered while moving
    expect(contexts[1].count('drawImage')).toBe(2);
    jest.advanceTimersByTime(SETTLE_MS + 1);
    const afterSettle = texture.count('arc');
    expect(afterSettle).toBeGreaterThan(drawsAfterFirst);
    // a view change long after the last paint (fit, focus) is drawn crisp at once
    jest.advanceTimersByTime(GESTURE_GAP_MS + 1);
    expect(p.paint({ x: 90, y: 10, k: 0.5 })).toBe('crisp');
    expect(texture.count('arc')).toBeGreaterThan(afterSettle);
    p.dispose();
  });

  it('draws a large scene crisp in slices, keeping the old texture on screen until the new one is complete', () => {
    // A clock that moves 3 ms per reading, so slices end by the budget as in a browser.
    let now = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    const crisp: number[] = [];
    const canvas = document.createElement('canvas');
    const big = scene(3000);
    expect(3000 + 2999).toBeGreaterThan(SLICE_ABOVE); // nodes and edges: a scene the painter slices
    const p = new Painter(canvas, big, 400, 300, colors, 1, (_, ms) => crisp.push(ms));
    // Zoomed out so every node and edge is in view: more elements than a single task may draw.
    const all = { x: 10, y: 150, k: 0.002 };
    expect(p.paint(all)).toBe('crisp');
    const screen = (canvas as unknown as { rec: ReturnType<typeof recordingContext> }).rec;
    expect(crisp).toEqual([]); // not finished in the first task
    expect(screen.count('drawImage')).toBe(0); // nothing on screen yet, and nothing half drawn
    jest.runOnlyPendingTimers();
    jest.runAllTimers();
    expect(crisp).toHaveLength(1);
    // A slice ends after the step that crossed the budget: one step and one clock reading past it.
    expect(crisp[0]).toBeLessThanOrEqual(SLICE_MS + 2 * 3);
    expect(screen.count('drawImage')).toBe(1);
    const firstTexture = contexts.find((c) => c !== screen)!;
    expect(firstTexture.count('arc') + firstTexture.count('rect')).toBeGreaterThan(0);

    // A jump to another view: the old texture is shown transformed at once, the new one follows.
    now += GESTURE_GAP_MS + 1;
    expect(p.paint({ ...all, x: 60 })).toBe('crisp');
    expect(screen.count('drawImage')).toBe(2);
    jest.runAllTimers();
    expect(crisp).toHaveLength(2);
    expect(contexts).toHaveLength(3); // screen and two textures, reused from then on
    p.dispose();
  });

  it('abandons a sliced draw when the view moves on, and never shows it', () => {
    let now = 0;
    jest.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    const crisp: number[] = [];
    const p = new Painter(document.createElement('canvas'), scene(3000), 400, 300, colors, 1, (_, ms) => crisp.push(ms));
    const all = { x: 10, y: 150, k: 0.002 };
    p.paint(all);
    jest.runAllTimers();
    now += GESTURE_GAP_MS + 1;
    p.paint({ ...all, x: 60 }); // a sliced draw starts for this view…
    p.paint({ ...all, x: 70 }); // …and the view moves before it completes
    jest.runAllTimers();
    // the first draw, then one for the view the gesture rested at; the abandoned one never completes
    expect(crisp).toHaveLength(2);
    p.dispose();
  });
});
