import { graphOf } from '../testkit/graph';
import { recordingContext } from '../testkit/recordingContext';
import type { Colors } from './colors';
import { blitRect, GESTURE_GAP_MS, Painter, SETTLE_MS } from './painter';
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

  function scene(): Scene {
    const g = graphOf(['a>b', 'b>c']);
    const xy = Float32Array.from([0, 0, 50, 0, 100, 0]);
    const sources = Int32Array.from([0, 1]);
    const targets = Int32Array.from([1, 2]);
    return {
      xy,
      sources,
      targets,
      titles: ['a', 'b', 'c'],
      radius: new Float32Array(3).fill(10),
      maxRadius: 10,
      styles: computeStyles(g, [], summarize(g), 'health', 'none', colors, String),
      visible: new Uint8Array(3).fill(1),
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
});
