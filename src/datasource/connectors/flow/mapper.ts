import { FlowEdge, FlowGraph, FlowNodeInfo } from '../../../model';
import { EdgeTotals, SUM, sumAt, SumColumns } from './edgeTotals';
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
  /** Every measure is a count, a rate or a latency: below zero it is a broken recording rule, not a flow. */
  negative: number;
  selfLoops: number;
  /** Inter-zone bytes on series without end labels (Beyla's default attributes). */
  unattributedInterZoneBytes: number;
  /** Nodes put in the unknown cluster: their series lacked the cluster label while others had it. */
  unknownClusterNodes: number;
}

/** The cluster of nodes whose series carry no cluster label, when other series do. */
export const UNKNOWN_CLUSTER = 'unknown cluster';

/** The edge key used by maps, diffs and frame ids. */
export function edgeKey(source: string, target: string): string {
  return `${source}->${target}`;
}

// 100,000 series arrive per query: nodes and edges are found through maps keyed by the label
// strings themselves and through node numbers (no per-series string building), and accumulate in
// fixed-shape records and typed columns.
interface NodeAcc {
  /** Its place in the graph's nodes, by which edges name it. */
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly namespace: string | undefined;
  zone: string | undefined;
  readonly cluster: string | undefined;
  zoneMixed: boolean;
  /** A usable sample touched this node; without one it is drawn with "no data". */
  hasData: boolean;
}

/**
 * Turns the instant vectors of a preset's measures into one graph: series that name the same
 * two ends are summed, self-loops are counted and left out. A series whose value is NaN or ±Inf
 * (or out of range) is counted and adds nothing, but its ends and its edge still exist: an edge
 * or node seen only on such series is marked `noData`. Nodes and edges come in the order of the
 * first series that named them.
 * Counter values are `increase` over the range; rates are totals divided by the range.
 */
export function mapFlowGraph(
  results: MeasureSamples[],
  grouping: Grouping,
  rangeSeconds: number
): { graph: FlowGraph; stats: MapStats } {
  try {
    return mapInto(NODES, EDGES, results, grouping, rangeSeconds);
  } finally {
    NODES.clear();
    EDGES.clear();
  }
}

function mapInto(
  nodes: Nodes,
  edges: EdgeTotals,
  results: MeasureSamples[],
  grouping: Grouping,
  rangeSeconds: number
): { graph: FlowGraph; stats: MapStats } {
  const stats: MapStats = {
    series: 0,
    missingLabels: 0,
    nonFinite: 0,
    negative: 0,
    selfLoops: 0,
    unattributedInterZoneBytes: 0,
    unknownClusterNodes: 0,
  };
  const src = endLabels(grouping.source);
  const dst = endLabels(grouping.target);

  for (const { measure, samples, scale = 1 } of results) {
    const sum = SUM[measure === 'interZoneBytes' ? 'interZone' : measure === 'latencyP95' ? 'latency' : measure];
    for (let i = 0; i < samples.length; i++) {
      stats.series++;
      const sample = samples[i];
      const metric = sample?.metric;
      const value = parseSampleValue(sample?.value?.[1]) * scale;
      if (!metric || typeof metric !== 'object') {
        stats.missingLabels++;
        continue;
      }
      const s = firstLabel(metric, src.name);
      const t = firstLabel(metric, dst.name);
      if (!s || !t) {
        if (measure === 'interZoneBytes' && Number.isFinite(value) && value >= 0) {
          stats.unattributedInterZoneBytes += value;
        } else {
          stats.missingLabels++;
        }
        continue;
      }
      const raw = sample?.value?.[1];
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        // No value at all is a broken answer, not a series without data: it names no edge.
        stats.nonFinite++;
        continue;
      }
      const usable = Number.isFinite(value) && Math.abs(value) <= MAX_SAMPLE;
      // histogram_quantile answers NaN for an edge without requests in the range: no latency, not bad data.
      if (!usable && !(measure === 'latencyP95' && value !== value)) {
        stats.nonFinite++;
      }
      if (usable && value < 0) {
        stats.negative++;
        continue;
      }
      const sZone = firstLabel(metric, src.zone);
      const tZone = firstLabel(metric, dst.zone);
      const sNode = nodes.get(s, firstLabel(metric, src.namespace), sZone, firstLabel(metric, src.cluster));
      const tNode = nodes.get(t, firstLabel(metric, dst.namespace), tZone, firstLabel(metric, dst.cluster));
      if (sNode === tNode) {
        stats.selfLoops++;
        continue;
      }
      let e = edges.find(sNode.number, tNode.number);
      if (e < 0) {
        e = edges.insert(sNode.number, tNode.number, sZone, tZone);
      } else {
        edges.seeZones(e, sZone, tZone);
      }
      if (!usable) {
        continue;
      }
      sNode.hasData = tNode.hasData = true;
      edges.markData(e);
      if (measure === 'latencyP95') {
        edges.worstLatency(e, value);
      } else {
        edges.add(sum, e, value);
        if (measure === 'bytes' && sZone && tZone && sZone !== tZone) {
          edges.add(SUM.crossZone, e, value);
        }
      }
    }
  }
  const graph = nodes.finish(edges, rangeSeconds > 0 ? rangeSeconds : 1);
  stats.unknownClusterNodes = nodes.unknownClusterNodes;
  return { graph, stats };
}

/**
 * A node's id: always namespace-qualified, even when the name repeats the namespace ("frontend" in
 * namespace "frontend" and a "frontend" seen without one are two nodes), and cluster-qualified when
 * its series carry a cluster (a workload of the same name in two clusters is two workloads).
 */
export function nodeIdOf(name: string, namespace: string | undefined, cluster: string | undefined): string {
  const local = namespace ? `${namespace}/${name}` : name;
  return cluster ? `${local}@${cluster}` : local;
}

class Nodes {
  /**
   * cluster ('' when none) -> name -> the first node of that name. A name is most often in one
   * namespace: a node is found by its name alone, and by a key of namespace and name (a string
   * built per series) only when its name is also in another namespace.
   */
  private readonly byCluster = new Map<string, Map<string, NodeAcc>>();
  private readonly byNamespacedName = new Map<string, NodeAcc>();
  private readonly all: NodeAcc[] = [];
  unknownClusterNodes = 0;

  clear() {
    this.byCluster.clear();
    this.byNamespacedName.clear();
    this.all.length = 0;
    this.unknownClusterNodes = 0;
  }

  get(name: string, namespace: string | undefined, zone: string | undefined, cluster: string | undefined): NodeAcc {
    const c = cluster ?? '';
    let byName = this.byCluster.get(c);
    if (!byName) {
      byName = new Map();
      this.byCluster.set(c, byName);
    }
    const first = byName.get(name);
    let n = first !== undefined && first.namespace === namespace ? first : undefined;
    const key = first !== undefined && n === undefined ? `${c}\u0000${namespace ?? ''}\u0000${name}` : '';
    if (key) {
      n = this.byNamespacedName.get(key);
    }
    if (!n) {
      n = {
        number: this.all.length,
        id: nodeIdOf(name, namespace ?? '', c),
        title: name,
        namespace,
        zone,
        cluster,
        zoneMixed: false,
        hasData: false,
      };
      if (key) {
        this.byNamespacedName.set(key, n);
      } else {
        byName.set(name, n);
      }
      this.all.push(n);
    } else if (zone !== undefined) {
      // A series without the zone label says nothing about the zone: only two different zones mix.
      n.zoneMixed ||= n.zone !== undefined && n.zone !== zone;
      n.zone ??= zone;
    }
    return n;
  }

  finish(totals: EdgeTotals, secs: number): FlowGraph {
    const nodes: FlowNodeInfo[] = [];
    const edges: FlowEdge[] = [];
    // Without any cluster label the graph is one cluster and says nothing about clusters.
    const clustered = this.byCluster.size > 1 || (this.byCluster.size === 1 && !this.byCluster.has(''));
    for (const n of this.all) {
      if (clustered && n.cluster === undefined) {
        this.unknownClusterNodes++;
      }
      // Every field in the literal, none added after: one hidden class for all nodes.
      const node: FlowNodeInfo = {
        id: n.id,
        title: n.title,
        namespace: n.namespace,
        zone: n.zoneMixed ? undefined : n.zone,
        cluster: clustered ? (n.cluster ?? UNKNOWN_CLUSTER) : undefined,
        noData: n.hasData ? undefined : true,
      };
      nodes.push(node);
    }
    const sums = totals.columns();
    for (let e = 0; e < totals.count; e++) {
      const source = this.all[totals.source(e)];
      const target = this.all[totals.target(e)];
      const between = source.cluster !== undefined && target.cluster !== undefined && source.cluster !== target.cluster;
      edges.push(toEdge(totals, sums, e, source, target, between, secs));
    }
    return { nodes, edges };
  }
}

/*
 * V8 drops the hidden class of a kind of object once a garbage collection finds none of them alive,
 * and with it the optimized code that reads them: working tables made per mapping were optimized
 * again on every query. Hence one set of them, reused and emptied after each mapping (a mapping runs
 * to its end before another can start), and node records made by an object literal, whose class
 * V8 keeps.
 */
const NODES = new Nodes();
const EDGES = new EdgeTotals();
const rate = (total: number | undefined, secs: number) => (total === undefined ? undefined : total / secs);

function toEdge(
  totals: EdgeTotals,
  sums: SumColumns,
  e: number,
  source: NodeAcc,
  target: NodeAcc,
  betweenClusters: boolean,
  secs: number
): FlowEdge {
  const bytes = sumAt(sums[SUM.bytes], e);
  const interZone = sumAt(sums[SUM.interZone], e) ?? 0;
  const crossZone = sumAt(sums[SUM.crossZone], e) ?? 0;
  // Every field in the literal, none added after: one hidden class for all edges.
  return {
    source: source.id,
    target: target.id,
    sourceZone: totals.sourceZone(e),
    targetZone: totals.targetZone(e),
    bytesTotal: bytes,
    bytesRate: rate(bytes, secs),
    // The inter-zone metric is the exporter's own judgement of zones: it wins over comparing labels.
    crossZoneBytesTotal: interZone > 0 ? interZone : crossZone > 0 ? crossZone : undefined,
    requestRate: rate(sumAt(sums[SUM.requests], e), secs),
    errorRate: rate(sumAt(sums[SUM.errors], e), secs),
    retransmitRate: rate(sumAt(sums[SUM.retransmits], e), secs),
    dropRate: rate(sumAt(sums[SUM.drops], e), secs),
    resetRate: rate(sumAt(sums[SUM.resets], e), secs),
    flowRate: rate(sumAt(sums[SUM.flows], e), secs),
    latencyP95: sumAt(sums[SUM.latency], e),
    noData: totals.hasData(e) ? undefined : true,
    sourceCluster: betweenClusters ? source.cluster : undefined,
    targetCluster: betweenClusters ? target.cluster : undefined,
  };
}

/**
 * No flow measure comes near this; a larger sample is a broken answer, and summing a few of them
 * would overflow to Infinity in the edge and node totals.
 */
const MAX_SAMPLE = 1e200;

type Labels = readonly string[];
const NONE: Labels = [];

/** An end's labels, each list read in order: the first the series has names that part of the end. */
function endLabels(end: EndLabels): { name: Labels; namespace: Labels; zone: Labels; cluster: Labels } {
  return { name: end.name, namespace: end.namespace ?? NONE, zone: end.zone ?? NONE, cluster: end.cluster ?? NONE };
}

/** Prometheus label values are strings; anything else in the JSON is a broken answer, not a name. */
function firstLabel(metric: Record<string, unknown>, labels: Labels): string | undefined {
  for (let i = 0; i < labels.length; i++) {
    const v = metric[labels[i]];
    if (typeof v === 'string' && v) {
      return v;
    }
  }
  return undefined;
}
