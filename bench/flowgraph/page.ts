/**
 * Bench page: the panel's own pipeline (frames -> graph -> styles -> Blob worker layout -> Flatbush
 * -> Canvas 2D) next to the baselines, driven from bench/flowgraph.bench.ts through window.bench.
 */
import { createTheme } from '@grafana/data';
import { buildAdjacency } from '../../src/panels/flowgraph/graph/adjacency';
import { blastRoles } from '../../src/panels/flowgraph/graph/chaos';
import { readFlowFrames } from '../../src/panels/flowgraph/graph/readFrames';
import { summarize } from '../../src/panels/flowgraph/graph/summary';
import type { MapGraph } from '../../src/panels/flowgraph/graph/types';
import { createLayoutWorker } from '../../src/panels/flowgraph/layout/createLayoutWorker';
import type { LayoutMessage } from '../../src/panels/flowgraph/layout/types';
import { colorsFromTheme } from '../../src/panels/flowgraph/render/colors';
import { drawScene } from '../../src/panels/flowgraph/render/draw';
import { Painter } from '../../src/panels/flowgraph/render/painter';
import { nodeRadius, type Scene } from '../../src/panels/flowgraph/render/scene';
import { buildIndex } from '../../src/panels/flowgraph/render/spatial';
import { computeStyles } from '../../src/panels/flowgraph/render/style';
import { bounds, fitView, type View, zoomAt } from '../../src/panels/flowgraph/render/viewport';
import { syntheticFrames } from '../../src/panels/flowgraph/testkit/synthetic';
import { estateFrames } from '../../src/panels/flowgraph/testkit/synthetic';
import { dropLevels, firstPicture, levelState, openBig, prepareEstate } from './levels';
import { svgScene } from './svg';

const W = 1200;
const H = 800;
const colors = colorsFromTheme(createTheme({ colors: { mode: 'dark' } }));
const graphs = new Map<number, MapGraph>();
const layouts = new Map<number, Float32Array>();

/** Sizes measured on the estate shape (clusters of namespaces, heavy-tailed degree) of the levels figures. */
const ESTATE_FROM = 20_000;

function graph(n: number): MapGraph {
  if (!graphs.has(n)) {
    const frames =
      n >= ESTATE_FROM
        ? estateFrames({ nodes: n, seed: 42, bigNamespace: 500 })
        : syntheticFrames({ nodes: n, seed: 42 });
    graphs.set(n, readFlowFrames(frames, 100_000).graph);
  }
  return graphs.get(n)!;
}

function arrays(g: MapGraph) {
  return { sources: Int32Array.from(g.edges, (e) => e.source), targets: Int32Array.from(g.edges, (e) => e.target) };
}

/** Our layout in the panel's own Blob worker; reports the longest main-thread task meanwhile. */
async function layoutOurs(n: number) {
  const g = graph(n);
  const { sources, targets } = arrays(g);
  // Building the synthetic graph is the bench's own work, not the panel's: let that task end first.
  await new Promise((r) => setTimeout(r, 50));
  const tasks: number[] = [];
  const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  obs.observe({ type: 'longtask', buffered: false });
  let frames = 0;
  let spinning = true;
  const spin = () => {
    frames++;
    if (spinning) {
      requestAnimationFrame(spin);
    }
  };
  requestAnimationFrame(spin);
  const t0 = performance.now();
  const worker = createLayoutWorker();
  const done = await new Promise<Extract<LayoutMessage, { type: 'done' }>>((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<LayoutMessage>) => {
      const m = ev.data;
      if (m.type === 'done') {
        resolve(m);
      } else if (m.type === 'error') {
        reject(new Error(m.message));
      }
    };
    worker.postMessage({ type: 'layout', id: 1, input: { n: g.nodes.length, sources, targets, mode: 'auto' } }, [
      sources.buffer,
      targets.buffer,
    ]);
  });
  const wall = performance.now() - t0;
  worker.terminate();
  spinning = false;
  await new Promise((r) => setTimeout(r, 100));
  obs.disconnect();
  layouts.set(n, done.output.positions);
  return {
    wall,
    inWorker: done.ms,
    engine: done.output.engine,
    edges: g.edges.length,
    longestTask: Math.max(0, ...tasks),
    frames,
  };
}

async function layoutBaseline(kind: 'd3' | 'msagl', n: number, url: string, timeoutMs: number) {
  const g = graph(n);
  const { sources, targets } = arrays(g);
  const worker = new Worker(url);
  try {
    return await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      worker.onmessage = (ev: MessageEvent<{ ms: number }>) => {
        clearTimeout(timer);
        resolve(ev.data.ms);
      };
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ kind, n: g.nodes.length, sources, targets });
    });
  } finally {
    worker.terminate();
  }
}

function scene(n: number): Scene {
  const g = graph(n);
  const xy = layouts.get(n)!;
  const { sources, targets } = arrays(g);
  const roles = blastRoles(g.nodes, buildAdjacency(g.nodes.length, g.edges));
  const styles = computeStyles(g, roles, summarize(g.edges, roles), 'auto', 'none', colors, (v) => `$${v.toFixed(2)}`);
  const radius = Float32Array.from(g.nodes, () => nodeRadius(undefined));
  return {
    xy,
    sources,
    targets,
    titles: g.nodes.map((x) => x.title),
    radius,
    maxRadius: 10,
    styles,
    visible: new Uint8Array(g.nodes.length).fill(1),
    index: buildIndex(xy, sources, targets),
    groups: [],
    matches: new Set(),
    hovered: -1,
    selected: -1,
  };
}

function host(): HTMLElement {
  const el = document.getElementById('stage')!;
  el.textContent = '';
  el.style.cssText = `width:${W}px;height:${H}px;position:relative;overflow:hidden;background:${colors.background}`;
  return el;
}

function canvasRenderer(n: number, onCrisp?: (ms: number) => void, levels = false) {
  const s = levels ? levelState(n)!.scene : scene(n);
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  host().appendChild(c);
  const ctx = c.getContext('2d')!;
  const painter = new Painter(c, s, W, H, colors, 1, (_, ms) => onCrisp?.(ms));
  return {
    start: levels ? levelState(n)!.fit : fitView(bounds(s.xy), W, H),
    draw: (v: View) => painter.paint(v),
    full: (v: View) => drawScene(ctx, s, v, W, H, colors),
    dispose: () => painter.dispose(),
  };
}

function svgRenderer(n: number) {
  const g = graph(n);
  const xy = layouts.get(n)!;
  const { sources, targets } = arrays(g);
  const set = svgScene(
    host(),
    xy,
    sources,
    targets,
    g.nodes.map((x) => x.title),
    W,
    H
  );
  return { start: fitView(bounds(xy), W, H), draw: set };
}

/**
 * Pans and zooms in gestures of 20 animation frames with a 250 ms rest after each (when the
 * panel redraws crisp). A frame's cost runs from the start of its rAF
 * callback to a message posted from it, which is handled after the browser has done the style,
 * layout and paint of that frame: the main-thread work each renderer causes.
 */
async function frames(kind: 'canvas' | 'canvas-full' | 'svg' | 'levels', n: number, count: number) {
  const costs: number[] = [];
  // The crisp redraws at rest count as frames too.
  const crisp: number[] = [];
  const c = kind === 'svg' ? undefined : canvasRenderer(n, (ms) => crisp.push(ms), kind === 'levels');
  const r = c ? { start: c.start, draw: kind === 'canvas-full' ? c.full : c.draw } : svgRenderer(n);
  const ch = new MessageChannel();
  let t0 = 0;
  let i = 0;
  await new Promise<void>((resolve) => {
    const step = () => {
      t0 = performance.now();
      i++;
      // zoom in and out around the centre (x0.25 .. x4 of fit) while drifting sideways
      const f = Math.pow(2, 2 * Math.sin(i / 12));
      const v = zoomAt(r.start, W / 2, H / 2, f);
      r.draw({ ...v, x: v.x + 6 * i, y: v.y + 3 * i });
      ch.port2.postMessage(0);
    };
    ch.port1.onmessage = () => {
      costs.push(performance.now() - t0);
      if (i >= count) {
        setTimeout(resolve, 250);
      } else if (i % 20 === 0) {
        setTimeout(() => requestAnimationFrame(step), 250);
      } else {
        requestAnimationFrame(step);
      }
    };
    requestAnimationFrame(step);
  });
  c?.dispose();
  // The first crisp draw happens before any motion: it is the initial render, not a pan/zoom frame.
  costs.push(...crisp.slice(1));
  costs.sort((a, b) => a - b);
  return {
    median: costs[Math.floor(costs.length / 2)],
    p95: costs[Math.floor(costs.length * 0.95)],
    frames: costs.length,
    crisp: crisp.length - 1,
    // The longest task of a crisp redraw at rest (the longest slice when the painter slices it).
    crispMax: Math.max(0, ...crisp.slice(1)),
  };
}

function show(n: number) {
  canvasRenderer(n).full(fitView(bounds(layouts.get(n)!), W, H, 20));
}

/** Proves the longtask observer works here: a deliberate 80 ms task must be seen. */
async function observerCheck() {
  const seen: number[] = [];
  const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
  obs.observe({ type: 'longtask', buffered: false });
  await new Promise<void>((r) =>
    setTimeout(() => {
      const t = performance.now();
      while (performance.now() - t < 80) {
        // busy on purpose
      }
      r();
    }, 0)
  );
  await new Promise((r) => setTimeout(r, 100));
  obs.disconnect();
  return Math.max(0, ...seen);
}

/** A stage canvas for the levels figures' draws. */
function stageContext(): CanvasRenderingContext2D {
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  host().appendChild(c);
  return c.getContext('2d')!;
}

/** JS heap in MB after a full collection (Chromium with --js-flags=--expose-gc). */
function heapMB(): number {
  (window as unknown as { gc?: () => void }).gc?.();
  const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return mem ? mem.usedJSHeapSize / 1e6 : NaN;
}

const levels = {
  prepare: (n: number) => prepareEstate(n),
  firstPicture: (n: number) => firstPicture(n, stageContext(), W, H, colors),
  openBig: (n: number) => openBig(n, stageContext(), W, H, colors),
  show: (n: number) => {
    const s = levelState(n)!;
    drawScene(stageContext(), s.scene, s.fit, W, H, colors);
  },
  heapMB,
  drop: () => {
    dropLevels();
    graphs.clear();
    layouts.clear();
  },
};

(window as unknown as { bench: unknown }).bench = { layoutOurs, layoutBaseline, frames, show, observerCheck, levels };
