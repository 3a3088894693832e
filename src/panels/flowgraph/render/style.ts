import type { BlastRole, EdgeChangeKind, ImpactLevel } from '../../../model';
import type { MapGraph, MapNode } from '../graph/types';
import type { OverlaySummary } from '../graph/summary';
import { type Colors, keyColors } from './colors';

export type ColorBy = 'auto' | 'team' | 'owner' | 'namespace' | 'health' | 'errors';
export type Overlay = 'auto' | 'none' | 'impact' | 'chaos' | 'diff' | 'cost';

export interface LegendItem {
  color: string;
  label: string;
  dashed?: boolean;
  ring?: boolean;
}

/** Per-element drawing attributes, recomputed only when data, colours or overlay change. */
export interface Styles {
  nodeFill: string[];
  /** Overlay ring colour or '' for none. */
  nodeRing: string[];
  nodeDim: Uint8Array;
  edgeColor: string[];
  /** Line width in pixels at zoom 1. */
  edgeWidth: Float32Array;
  edgeDash: Uint8Array;
  edgeDim: Uint8Array;
  /** Edges to label with their cost (the costliest). */
  edgeLabel: Map<number, string>;
  legend: LegendItem[];
  overlay: Exclude<Overlay, 'auto'>;
  colorBy: Exclude<ColorBy, 'auto'>;
}

const measured = (s: OverlaySummary) => Object.values(s.impact).some((n) => n > 0);

export function resolveOverlay(o: Overlay, s: OverlaySummary): Exclude<Overlay, 'auto'> {
  if (o !== 'auto') {
    return o;
  }
  // A measured impact is there only when the query named a run: that ask wins over the run's regions.
  if (measured(s)) {
    return 'impact';
  }
  if (s.chaos.target > 0) {
    return 'chaos';
  }
  if (s.diff.new + s.diff.vanished + s.diff.changed > 0) {
    return 'diff';
  }
  return s.totalCost !== undefined ? 'cost' : 'none';
}

/** The overlays the data can show, for the toolbar. */
export function availableOverlays(s: OverlaySummary): Array<Exclude<Overlay, 'auto'>> {
  const list: Array<Exclude<Overlay, 'auto'>> = ['none'];
  if (measured(s)) {
    list.push('impact');
  }
  if (s.chaos.target > 0) {
    list.push('chaos');
  }
  if (s.diff.new + s.diff.vanished + s.diff.changed > 0) {
    list.push('diff');
  }
  if (s.totalCost !== undefined) {
    list.push('cost');
  }
  return list;
}

export function resolveColorBy(c: ColorBy, nodes: MapNode[]): Exclude<ColorBy, 'auto'> {
  if (c !== 'auto') {
    return c;
  }
  return nodes.some((n) => n.team) ? 'team' : nodes.some((n) => n.namespace) ? 'namespace' : 'health';
}

export function healthColor(share: number | undefined, c: Colors): string {
  return share === undefined || share < 0.01 ? c.ok : share < 0.05 ? c.warn : c.bad;
}

const MAX_LEGEND_KEYS = 8;

function nodeFills(graph: MapGraph, by: Exclude<ColorBy, 'auto'>, c: Colors): { fill: string[]; legend: LegendItem[] } {
  if (by === 'health' || by === 'errors') {
    const fill = graph.nodes.map((n) => n.color ?? healthColor(n.errorShare, c));
    return {
      fill,
      legend: [
        { color: c.ok, label: 'errors < 1%' },
        { color: c.warn, label: '1–5%' },
        { color: c.bad, label: '≥ 5%' },
      ],
    };
  }
  const counts = new Map<string, number>();
  for (const n of graph.nodes) {
    const key = n[by];
    if (key !== undefined) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const colorOf = keyColors([...counts.keys()], c.series);
  const fill = graph.nodes.map((n) => {
    const key = n[by];
    return key === undefined ? (n.color ?? c.edge) : colorOf(key);
  });
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const legend = top.slice(0, MAX_LEGEND_KEYS).map(([k]) => ({ color: colorOf(k), label: k }));
  if (top.length > MAX_LEGEND_KEYS) {
    legend.push({ color: c.edge, label: `+${top.length - MAX_LEGEND_KEYS} more ${by}s` });
  }
  return { fill, legend };
}

/** Edge width in pixels: square root of throughput relative to the busiest edge, 1–6 px. */
export function edgeWidths(graph: MapGraph): Float32Array {
  let max = 0;
  for (const e of graph.edges) {
    max = Math.max(max, e.weight);
  }
  return Float32Array.from(graph.edges, (e) =>
    e.thickness !== undefined ? Math.min(e.thickness, 12) : max > 0 ? 1 + 5 * Math.sqrt(Math.max(0, e.weight) / max) : 1
  );
}

export function computeStyles(
  graph: MapGraph,
  roles: Array<BlastRole | undefined>,
  summary: OverlaySummary,
  colorBy: ColorBy,
  overlay: Overlay,
  c: Colors,
  formatCost: (v: number) => string
): Styles {
  const by = resolveColorBy(colorBy, graph.nodes);
  const ov = resolveOverlay(overlay, summary);
  const { fill, legend } = nodeFills(graph, by, c);
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const s: Styles = {
    nodeFill: fill,
    nodeRing: new Array<string>(n).fill(''),
    nodeDim: new Uint8Array(n),
    edgeColor: graph.edges.map((e) => e.color ?? c.edge),
    edgeWidth: edgeWidths(graph),
    edgeDash: Uint8Array.from(graph.edges, (e) => (e.dashed || e.diff === 'vanished' ? 1 : 0)),
    edgeDim: new Uint8Array(m),
    edgeLabel: new Map(),
    legend,
    overlay: ov,
    colorBy: by,
  };
  if (ov === 'impact') {
    impactStyles(s, graph, summary, c);
  } else if (ov === 'chaos') {
    const ring: Record<BlastRole, string> = { target: c.target, upstream: c.upstream, downstream: c.downstream };
    roles.forEach((r, i) => {
      s.nodeRing[i] = r ? ring[r] : '';
      s.nodeDim[i] = r ? 0 : 1;
    });
    graph.edges.forEach((e, k) => {
      const a = roles[e.source];
      const b = roles[e.target];
      s.edgeDim[k] = a && b ? 0 : 1;
      s.edgeColor[k] =
        a && b
          ? a === 'target' || b === 'target'
            ? c.target
            : ring[a === 'upstream' ? 'upstream' : 'downstream']
          : c.edge;
    });
    s.legend.push(
      { color: c.target, label: `chaos target (${summary.chaos.target})`, ring: true },
      { color: c.upstream, label: `upstream (${summary.chaos.upstream})`, ring: true },
      { color: c.downstream, label: `downstream (${summary.chaos.downstream})`, ring: true }
    );
  } else if (ov === 'diff') {
    const col = { new: c.added, vanished: c.vanished, changed: c.changed, same: c.edge };
    graph.edges.forEach((e, k) => {
      s.edgeColor[k] = col[e.diff ?? 'same'];
      s.edgeDim[k] = !e.diff || e.diff === 'same' ? 1 : 0;
    });
    s.legend.push(
      { color: c.added, label: `new (${summary.diff.new})` },
      { color: c.vanished, label: `vanished (${summary.diff.vanished})`, dashed: true },
      { color: c.changed, label: `changed (${summary.diff.changed})` }
    );
  } else if (ov === 'cost') {
    const top = new Set(summary.costliest);
    graph.edges.forEach((e, k) => {
      const priced = (e.cost ?? 0) > 0 || e.crossZone;
      s.edgeColor[k] = top.has(k) ? c.costliest : priced ? c.cost : c.edge;
      s.edgeDim[k] = priced ? 0 : 1;
      if (top.has(k)) {
        s.edgeWidth[k] = Math.max(s.edgeWidth[k], 4);
        s.edgeLabel.set(k, formatCost(e.cost!));
      }
    });
    s.legend.push(
      { color: c.cost, label: `cross-zone (${summary.crossZoneEdges})` },
      { color: c.costliest, label: `costliest ${summary.costliest.length}` }
    );
  }
  return s;
}

/**
 * Rings by the measured impact of the run, edges by what changed on them during it. Lost traffic is
 * dashed as a vanished edge is: the calls that stopped are the gap the fault left.
 */
function impactStyles(s: Styles, graph: MapGraph, summary: OverlaySummary, c: Colors) {
  const ring: Record<ImpactLevel, string> = { broken: c.bad, degraded: c.warn, unaffected: c.ok, unknown: c.textWeak };
  const edge: Record<EdgeChangeKind, string> = { errors: c.bad, latency: c.warn, traffic: c.downstream, none: c.edge };
  graph.nodes.forEach((n, i) => {
    s.nodeRing[i] = n.impact ? ring[n.impact] : '';
    s.nodeDim[i] = n.impact ? 0 : 1;
  });
  graph.edges.forEach((e, k) => {
    const changed = e.change !== undefined && e.change !== 'none';
    s.edgeColor[k] = changed ? edge[e.change!] : c.edge;
    s.edgeDim[k] = changed ? 0 : 1;
    s.edgeDash[k] = e.change === 'traffic' ? 1 : s.edgeDash[k];
  });
  const { impact: i, change: ch } = summary;
  s.legend.push(
    { color: c.bad, label: `broken (${i.broken})`, ring: true },
    { color: c.warn, label: `degraded (${i.degraded})`, ring: true },
    { color: c.ok, label: `unaffected (${i.unaffected})`, ring: true }
  );
  if (i.unknown > 0) {
    s.legend.push({ color: c.textWeak, label: `unknown (${i.unknown})`, ring: true });
  }
  s.legend.push(
    { color: c.bad, label: `errors up (${ch.errors})` },
    { color: c.warn, label: `slower (${ch.latency})` },
    { color: c.downstream, label: `less traffic (${ch.traffic})`, dashed: true }
  );
}
