import { FlowEdge, FlowGraph, FlowNodeInfo } from '../../../model';
import { EndLabels, Grouping, Measure } from './presets';
import { PromVectorSample } from './promTypes';
import { parseSampleValue } from './promValues';

export interface MeasureSamples {
  measure: Measure;
  samples: PromVectorSample[];
  scale?: number;
}

/** What the mapper left out, so the query can say so instead of drawing a silently wrong graph. */
export interface MapStats {
  series: number;
  missingLabels: number;
  nonFinite: number;
  selfLoops: number;
  /** Inter-zone bytes on series without end labels (Beyla's default attributes). */
  unattributedInterZoneBytes: number;
}

interface EdgeAcc {
  edge: FlowEdge;
  totals: Partial<Record<Measure, number>>;
  /** The edge's series disagree about the source (s) or target (t) zone. */
  sMixed: boolean;
  tMixed: boolean;
}

const COUNTER_FIELD: Record<Exclude<Measure, 'latencyP95' | 'bytes' | 'interZoneBytes'>, keyof FlowEdge> = {
  requests: 'requestRate',
  errors: 'errorRate',
  retransmits: 'retransmitRate',
  drops: 'dropRate',
  resets: 'resetRate',
  flows: 'flowRate',
};

/** The edge key used by maps, diffs and frame ids. */
export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

/**
 * Turns the instant vectors of a preset's measures into one graph: series that name the same
 * two ends are summed, non-finite values and self-loops are counted and left out.
 * Counter values are `increase` over the range; rates are totals divided by the range.
 */
export function mapFlowGraph(
  results: MeasureSamples[],
  grouping: Grouping,
  rangeSeconds: number
): { graph: FlowGraph; stats: MapStats } {
  const stats: MapStats = { series: 0, missingLabels: 0, nonFinite: 0, selfLoops: 0, unattributedInterZoneBytes: 0 };
  const edges = new Map<string, EdgeAcc>();
  const nodes = new Map<string, FlowNodeInfo & { zoneMixed?: boolean }>();
  const src = endReader(grouping.source);
  const dst = endReader(grouping.target);

  for (const { measure, samples, scale = 1 } of results) {
    for (let i = 0; i < samples.length; i++) {
      stats.series++;
      const sample = samples[i];
      const metric = sample?.metric;
      const value = parseSampleValue(sample?.value?.[1]) * scale;
      if (!metric || typeof metric !== 'object') {
        stats.missingLabels++;
        continue;
      }
      const s = src.name(metric);
      const t = dst.name(metric);
      if (!s || !t) {
        if (measure === 'interZoneBytes' && Number.isFinite(value)) {
          stats.unattributedInterZoneBytes += value;
        } else {
          stats.missingLabels++;
        }
        continue;
      }
      if (!Number.isFinite(value)) {
        // histogram_quantile answers NaN for an edge without requests in the range: no latency, not bad data.
        if (!(measure === 'latencyP95' && value !== value)) {
          stats.nonFinite++;
        }
        continue;
      }
      const sNs = src.namespace(metric);
      const tNs = dst.namespace(metric);
      const sId = sNs && sNs !== s ? `${sNs}/${s}` : s;
      const tId = tNs && tNs !== t ? `${tNs}/${t}` : t;
      if (sId === tId) {
        stats.selfLoops++;
        continue;
      }
      const sZone = src.zone(metric);
      const tZone = dst.zone(metric);
      noteNode(nodes, sId, s, sNs, sZone);
      noteNode(nodes, tId, t, tNs, tZone);
      const key = edgeKey(sId, tId);
      let acc = edges.get(key);
      if (!acc) {
        acc = {
          edge: { source: sId, target: tId, sourceZone: sZone, targetZone: tZone },
          totals: {},
          sMixed: false,
          tMixed: false,
        };
        edges.set(key, acc);
      } else {
        acc.sMixed ||= acc.edge.sourceZone !== sZone;
        acc.tMixed ||= acc.edge.targetZone !== tZone;
      }
      if (measure === 'latencyP95') {
        // Quantiles of different series cannot be summed: keep the worst.
        acc.edge.latencyP95 = Math.max(acc.edge.latencyP95 ?? 0, value);
        continue;
      }
      acc.totals[measure] = (acc.totals[measure] ?? 0) + value;
      if (measure === 'bytes' && sZone && tZone && sZone !== tZone) {
        acc.edge.crossZoneBytesTotal = (acc.edge.crossZoneBytesTotal ?? 0) + value;
      }
    }
  }
  return { graph: { nodes: finishNodes(nodes), edges: finishEdges(edges, rangeSeconds) }, stats };
}

function finishEdges(edges: Map<string, EdgeAcc>, rangeSeconds: number): FlowEdge[] {
  const out: FlowEdge[] = [];
  const secs = rangeSeconds > 0 ? rangeSeconds : 1;
  for (const { edge, totals, sMixed, tMixed } of edges.values()) {
    if (totals.bytes !== undefined) {
      edge.bytesTotal = totals.bytes;
      edge.bytesRate = totals.bytes / secs;
    }
    // The inter-zone metric is the exporter's own judgement of zones: it wins over comparing labels.
    if (totals.interZoneBytes) {
      edge.crossZoneBytesTotal = totals.interZoneBytes;
    }
    for (const m of Object.keys(COUNTER_FIELD) as Array<keyof typeof COUNTER_FIELD>) {
      const total = totals[m];
      if (total !== undefined) {
        (edge[COUNTER_FIELD[m]] as number) = total / secs;
      }
    }
    if (sMixed) {
      edge.sourceZone = undefined;
    }
    if (tMixed) {
      edge.targetZone = undefined;
    }
    out.push(edge);
  }
  return out;
}

function noteNode(
  nodes: Map<string, FlowNodeInfo & { zoneMixed?: boolean }>,
  id: string,
  title: string,
  namespace: string | undefined,
  zone: string | undefined
) {
  const n = nodes.get(id);
  if (!n) {
    nodes.set(id, { id, title, namespace, zone });
  } else if (zone !== n.zone) {
    n.zoneMixed = true;
  }
}

function finishNodes(nodes: Map<string, FlowNodeInfo & { zoneMixed?: boolean }>): FlowNodeInfo[] {
  const out: FlowNodeInfo[] = [];
  for (const { zoneMixed, ...n } of nodes.values()) {
    out.push(zoneMixed ? { ...n, zone: undefined } : n);
  }
  return out;
}

type Reader = (metric: Record<string, string>) => string | undefined;

function endReader(end: EndLabels): { name: Reader; namespace: Reader; zone: Reader } {
  return { name: firstOf(end.name), namespace: firstOf(end.namespace ?? []), zone: firstOf(end.zone ?? []) };
}

function firstOf(labels: string[]): Reader {
  if (labels.length === 0) {
    return () => undefined;
  }
  if (labels.length === 1) {
    const [l] = labels;
    return (m) => m[l] || undefined;
  }
  return (m) => {
    for (const l of labels) {
      const v = m[l];
      if (v) {
        return v;
      }
    }
    return undefined;
  };
}
