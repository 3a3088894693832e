import { type Colors, mix } from './colors';
import type { Scene } from './scene';
import { GROUP_FONT, LABEL_FONT, LABEL_HEIGHT, type LabelCandidate, type PlacedLabel, placeLabels } from './labels';
import { edgesIn, nodesIn } from './spatial';
import { type View, visibleWorld } from './viewport';

export interface DrawStats {
  nodes: number;
  edges: number;
  labels: number;
  arrows: boolean;
}

/** Level of detail: beyond these counts labels and arrows would be unreadable and slow. */
export const LOD = {
  labelMinRadius: 5,
  arrowMaxEdges: 2500,
  arrowMinZoom: 0.35,
  dotRadius: 1.2,
  hairlineEdges: 2000,
};

function bucket<K>(map: Map<K, number[]>, key: K, v: number) {
  const list = map.get(key);
  if (list) {
    list.push(v);
  } else {
    map.set(key, [v]);
  }
}

/**
 * A crisp draw as a list of steps, each a few milliseconds of canvas work at most, so a large map
 * can be drawn across several tasks without blocking input (see Painter). Steps run in order on
 * `ctx` and set every style they use.
 */
export type Step = (ctx: CanvasRenderingContext2D) => void;

export interface ScenePlan {
  steps: Step[];
  stats: DrawStats;
}

/** Elements per step: about 5 ms each with Chromium's software rasteriser. */
export const STEP = { edges: 2000, nodes: 2000, labels: 100 };

/** The work of a draw in edge strokes: a label (stroked and filled text) costs about 20 of them. */
export function drawCost(stats: DrawStats): number {
  return stats.edges + stats.nodes + 20 * stats.labels;
}

export function drawScene(
  ctx: CanvasRenderingContext2D,
  s: Scene,
  v: View,
  w: number,
  h: number,
  c: Colors
): DrawStats {
  const plan = planScene(s, v, w, h, c);
  plan.steps.forEach((step) => step(ctx));
  return plan.stats;
}

export function planScene(s: Scene, v: View, w: number, h: number, c: Colors): ScenePlan {
  const world = visibleWorld(v, w, h, 40);
  const sx = (i: number) => s.xy[2 * i] * v.k + v.x;
  const sy = (i: number) => s.xy[2 * i + 1] * v.k + v.y;
  const edges = edgesIn(s.index, world).filter(
    (k) => s.visible[s.sources[k]] && s.visible[s.targets[k]] && (!s.edgeVisible || s.edgeVisible[k])
  );
  const nodes = nodesIn(s.index, world).filter((i) => s.visible[i]);
  const arrows = edges.length <= LOD.arrowMaxEdges && v.k >= LOD.arrowMinZoom;
  const widthScale = Math.min(1.5, Math.max(0.3, v.k));
  // Software rasterisers stroke 1 px lines on a fast path; wider ones cost several times more.
  const hairlines = edges.length > LOD.hairlineEdges;
  const buckets = new Map<string, number[]>();
  for (const k of edges) {
    const st = s.styles;
    const width = hairlines && st.edgeDim[k] ? 1 : Math.max(1, Math.round(st.edgeWidth[k] * widthScale * 2) / 2);
    bucket(
      buckets,
      `${st.edgeDim[k]}|${st.edgeColor[k]}|${hairlines && !st.edgeLabel.has(k) ? 1 : width}|${st.edgeDash[k]}`,
      k
    );
  }
  const steps: Step[] = [
    (ctx) => {
      ctx.clearRect(0, 0, w, h);
      drawGroups(ctx, s, v);
    },
  ];
  // Dimmed buckets first so emphasised edges draw on top.
  for (const key of [...buckets.keys()].sort()) {
    const [dim, color, width, dash] = key.split('|');
    // Opaque colours pre-mixed with the background: alpha blending of thousands of lines is slow.
    const mixed = mix(color, c.background, dim === '1' ? 0.2 : hairlines ? 0.45 : 0.85);
    for (const chunk of chunks(buckets.get(key)!, STEP.edges)) {
      steps.push((ctx) => {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = mixed;
        ctx.fillStyle = mixed;
        ctx.lineWidth = Math.max(0.5, Number(width));
        ctx.setLineDash(dash === '1' ? [4, 4] : []);
        ctx.beginPath();
        for (const k of chunk) {
          ctx.moveTo(sx(s.sources[k]), sy(s.sources[k]));
          ctx.lineTo(sx(s.targets[k]), sy(s.targets[k]));
        }
        ctx.stroke();
        if (arrows) {
          ctx.setLineDash([]);
          ctx.beginPath();
          for (const k of chunk) {
            arrowHead(
              ctx,
              sx(s.sources[k]),
              sy(s.sources[k]),
              sx(s.targets[k]),
              sy(s.targets[k]),
              s.radius[s.targets[k]] * v.k,
              4 + Number(width)
            );
          }
          ctx.fill();
        }
      });
    }
  }
  steps.push(...nodeSteps(s, v, nodes, sx, sy, c));
  const labelled = placeLabels(labelCandidates(s, v, nodes, c, sx, sy), { x0: 0, y0: 0, x1: w, y1: h });
  for (const chunk of chunks(labelled, STEP.labels)) {
    steps.push((ctx) => drawLabels(ctx, chunk, c));
  }
  steps.push((ctx) => {
    ctx.setLineDash([]);
    drawEdgeLabels(ctx, s, edges, sx, sy, c);
    ctx.globalAlpha = 1;
  });
  return { steps, stats: { nodes: nodes.length, edges: edges.length, labels: labelled.length, arrows } };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) {
    out.push(list.slice(i, i + size));
  }
  return out;
}

function arrowHead(
  ctx: CanvasRenderingContext2D,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  size: number
) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy);
  if (len < r + size * 2) {
    return;
  }
  const ux = dx / len;
  const uy = dy / len;
  const tx = bx - ux * r;
  const ty = by - uy * r;
  ctx.moveTo(tx, ty);
  ctx.lineTo(tx - ux * size * 2 - uy * size, ty - uy * size * 2 + ux * size);
  ctx.lineTo(tx - ux * size * 2 + uy * size, ty - uy * size * 2 - ux * size);
  ctx.closePath();
}

function nodeSteps(
  s: Scene,
  v: View,
  nodes: number[],
  sx: (i: number) => number,
  sy: (i: number) => number,
  c: Colors
): Step[] {
  const fills = new Map<string, number[]>();
  for (const i of nodes) {
    bucket(fills, `${s.styles.nodeDim[i]}|${s.styles.nodeFill[i]}`, i);
  }
  const steps: Step[] = [];
  for (const key of [...fills.keys()].sort()) {
    const [dim, color] = key.split('|');
    for (const chunk of chunks(fills.get(key)!, STEP.nodes)) {
      steps.push((ctx) => {
        ctx.setLineDash([]);
        ctx.globalAlpha = dim === '1' ? 0.25 : 1;
        ctx.fillStyle = color;
        ctx.beginPath();
        for (const i of chunk) {
          const r = s.radius[i] * v.k;
          if (r < LOD.dotRadius) {
            ctx.rect(sx(i) - 1, sy(i) - 1, 2, 2);
          } else {
            ctx.moveTo(sx(i) + r, sy(i));
            ctx.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
          }
        }
        ctx.fill();
      });
    }
  }
  const rings = new Map<string, number[]>();
  for (const i of nodes) {
    const ring = s.styles.nodeRing[i] || (s.matches.has(i) ? c.match : '');
    if (ring) {
      bucket(rings, ring, i);
    }
  }
  for (const i of [s.hovered, s.selected]) {
    if (i >= 0 && s.visible[i]) {
      bucket(rings, c.focus, i);
    }
  }
  steps.push((ctx) => {
    ctx.globalAlpha = 1;
    rings.forEach((list, color) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = 3;
      ctx.beginPath();
      for (const i of list) {
        const r = Math.max(4, s.radius[i] * v.k + 3);
        ctx.moveTo(sx(i) + r, sy(i));
        ctx.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
      }
      ctx.stroke();
    });
  });
  return steps;
}

/**
 * What may be labelled, by priority: group names first (always, at the aggregated level), then the
 * selected and hovered node, search matches, chaos targets, and the busiest nodes when legible.
 * placeLabels keeps the ones that fit without overlapping.
 */
function labelCandidates(
  s: Scene,
  v: View,
  nodes: number[],
  c: Colors,
  sx: (i: number) => number,
  sy: (i: number) => number
): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (const g of s.groups) {
    const text = `${g.key} (${g.count.toLocaleString('en-US')})`;
    if (g.circle) {
      const x = g.circle.x * v.k + v.x;
      const y = (g.circle.y - g.circle.r) * v.k + v.y;
      out.push({ text, x, y, gap: 0, priority: 2e12 + g.count, group: true, inside: true });
    } else {
      const x = ((g.rect.x0 + g.rect.x1) / 2) * v.k + v.x;
      const y = g.rect.y0 * v.k + v.y - LABEL_HEIGHT.group / 2 - 2;
      out.push({ text, x, y, gap: 0, priority: 2e12 + g.count, group: true, inside: true });
    }
  }
  for (const i of nodes) {
    if (!s.titles[i]) {
      continue;
    }
    const members = s.members?.[i] ?? 0;
    const special =
      i === s.selected || i === s.hovered
        ? 1e11
        : s.matches.has(i)
          ? 1e10
          : s.styles.nodeRing[i] === c.target
            ? 1e9
            : 0;
    // Placement keeps labels apart, so any node drawn large enough may ask for one.
    if (!members && !special && s.radius[i] * v.k < LOD.labelMinRadius) {
      continue;
    }
    out.push({
      text: s.titles[i],
      x: sx(i),
      y: sy(i),
      gap: Math.max(2, s.radius[i] * v.k),
      priority: (members ? 1e12 + members : special) + (s.weight?.[i] ?? 0) / (1 + (s.maxWeight ?? 0)),
      group: members > 0,
      inside: members > 0 && s.radius[i] * v.k > 24,
    });
  }
  return out;
}

function drawLabels(ctx: CanvasRenderingContext2D, which: PlacedLabel[], c: Colors) {
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = 3;
  ctx.strokeStyle = c.background;
  ctx.fillStyle = c.text;
  for (const l of which) {
    ctx.font = l.group ? GROUP_FONT : LABEL_FONT;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillText(l.text, l.x, l.y);
  }
}

function drawEdgeLabels(
  ctx: CanvasRenderingContext2D,
  s: Scene,
  edges: number[],
  sx: (i: number) => number,
  sy: (i: number) => number,
  c: Colors
) {
  if (s.styles.edgeLabel.size === 0) {
    return;
  }
  ctx.font = 'bold 12px Inter, Helvetica, Arial, sans-serif';
  ctx.textBaseline = 'middle';
  for (const k of edges) {
    const text = s.styles.edgeLabel.get(k);
    if (text) {
      const x = (sx(s.sources[k]) + sx(s.targets[k])) / 2;
      const y = (sy(s.sources[k]) + sy(s.targets[k])) / 2;
      ctx.strokeStyle = c.background;
      ctx.strokeText(text, x, y);
      ctx.fillStyle = c.costliest;
      ctx.fillText(text, x, y);
    }
  }
}

function drawGroups(ctx: CanvasRenderingContext2D, s: Scene, v: View) {
  if (s.groups.length === 0) {
    return;
  }
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  for (const g of s.groups) {
    ctx.beginPath();
    if (g.circle) {
      ctx.arc(g.circle.x * v.k + v.x, g.circle.y * v.k + v.y, g.circle.r * v.k, 0, 2 * Math.PI);
    } else {
      ctx.rect(
        g.rect.x0 * v.k + v.x,
        g.rect.y0 * v.k + v.y,
        (g.rect.x1 - g.rect.x0) * v.k,
        (g.rect.y1 - g.rect.y0) * v.k
      );
    }
    ctx.globalAlpha = 0.08;
    ctx.fillStyle = g.color;
    ctx.fill();
    ctx.globalAlpha = 0.6;
    ctx.strokeStyle = g.color;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
