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
// strings themselves (no per-series string building) and accumulate in fixed-shape records.
class NodeAcc {
  zoneMixed = false;
  /** A usable sample touched this node; without one it is drawn with "no data". */
  hasData = false;
  /** Edges from this node, by target id. */
  out = new Map<string, EdgeAcc>();
  constructor(
    readonly id: string,
    readonly title: string,
    readonly namespace: string | undefined,
    public zone: string | undefined,
    readonly cluster: string | undefined
  ) {}
}

class EdgeAcc {
  bytes: number | undefined = undefined;
  interZone = 0;
  crossZone = 0;
  requests: number | undefined = undefined;
  errors: number | undefined = undefined;
  retransmits: number | undefined = undefined;
  drops: number | undefined = undefined;
  resets: number | undefined = undefined;
  flows: number | undefined = undefined;
  latency: number | undefined = undefined;
  sMixed = false;
  tMixed = false;
  hasData = false;
  targetCluster: string | undefined = undefined;
  constructor(
    readonly source: string,
    readonly target: string,
    public sourceZone: string | undefined,
    public targetZone: string | undefined
  ) {}

  /** A series without zone labels says nothing about the zones: only two different zones mix. */
  seeZones(s: string | undefined, t: string | undefined) {
    if (s !== undefined) {
      this.sMixed ||= this.sourceZone !== undefined && this.sourceZone !== s;
      this.sourceZone ??= s;
    }
    if (t !== undefined) {
      this.tMixed ||= this.targetZone !== undefined && this.targetZone !== t;
      this.targetZone ??= t;
    }
  }
}

type Counter = 'bytes' | 'requests' | 'errors' | 'retransmits' | 'drops' | 'resets' | 'flows';

/**
 * Turns the instant vectors of a preset's measures into one graph: series that name the same
 * two ends are summed, self-loops are counted and left out. A series whose value is NaN or ±Inf
 * (or out of range) is counted and adds nothing, but its ends and its edge still exist: an edge
 * or node seen only on such series is marked `noData`.
 * Counter values are `increase` over the range; rates are totals divided by the range.
 */
export function mapFlowGraph(
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
  const nodes = new Nodes();
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
      const sZone = src.zone(metric);
      const tZone = dst.zone(metric);
      const sNode = nodes.get(s, src.namespace(metric), sZone, src.cluster(metric));
      const tNode = nodes.get(t, dst.namespace(metric), tZone, dst.cluster(metric));
      if (sNode === tNode) {
        stats.selfLoops++;
        continue;
      }
      let e = sNode.out.get(tNode.id);
      if (!e) {
        e = new EdgeAcc(sNode.id, tNode.id, sZone, tZone);
        e.targetCluster = tNode.cluster;
        sNode.out.set(tNode.id, e);
      } else {
        e.seeZones(sZone, tZone);
      }
      if (!usable) {
        continue;
      }
      sNode.hasData = tNode.hasData = e.hasData = true;
      if (measure === 'latencyP95') {
        // Quantiles of different series cannot be summed: keep the worst.
        e.latency = e.latency === undefined || value > e.latency ? value : e.latency;
      } else if (measure === 'interZoneBytes') {
        e.interZone += value;
      } else {
        e[measure as Counter] = (e[measure as Counter] ?? 0) + value;
        if (measure === 'bytes' && sZone && tZone && sZone !== tZone) {
          e.crossZone += value;
        }
      }
    }
  }
  const graph = nodes.finish(rangeSeconds > 0 ? rangeSeconds : 1);
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
      n = new NodeAcc(nodeIdOf(name, namespace ?? '', c), name, namespace, zone, cluster);
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

  finish(secs: number): FlowGraph {
    const nodes: FlowNodeInfo[] = [];
    const edges: FlowEdge[] = [];
    // Without any cluster label the graph is one cluster and says nothing about clusters.
    const clustered = this.byCluster.size > 1 || (this.byCluster.size === 1 && !this.byCluster.has(''));
    const clusterOf = (n: NodeAcc) => n.cluster ?? (clustered ? UNKNOWN_CLUSTER : undefined);
    for (const n of this.all) {
      if (clustered && n.cluster === undefined) {
        this.unknownClusterNodes++;
      }
      const node: FlowNodeInfo = {
        id: n.id,
        title: n.title,
        namespace: n.namespace,
        zone: n.zoneMixed ? undefined : n.zone,
      };
      if (clustered) {
        node.cluster = clusterOf(n);
      }
      if (!n.hasData) {
        node.noData = true;
      }
      nodes.push(node);
      for (const e of n.out.values()) {
        const edge = toEdge(e, secs);
        if (n.cluster !== undefined && e.targetCluster !== undefined && n.cluster !== e.targetCluster) {
          edge.sourceCluster = n.cluster;
          edge.targetCluster = e.targetCluster;
        }
        edges.push(edge);
      }
    }
    return { nodes, edges };
  }
}

const rate = (total: number | undefined, secs: number) => (total === undefined ? undefined : total / secs);

function toEdge(e: EdgeAcc, secs: number): FlowEdge {
  const edge: FlowEdge = {
    source: e.source,
    target: e.target,
    sourceZone: e.sMixed ? undefined : e.sourceZone,
    targetZone: e.tMixed ? undefined : e.targetZone,
    bytesTotal: e.bytes,
    bytesRate: rate(e.bytes, secs),
    // The inter-zone metric is the exporter's own judgement of zones: it wins over comparing labels.
    crossZoneBytesTotal: e.interZone > 0 ? e.interZone : e.crossZone > 0 ? e.crossZone : undefined,
    requestRate: rate(e.requests, secs),
    errorRate: rate(e.errors, secs),
    retransmitRate: rate(e.retransmits, secs),
    dropRate: rate(e.drops, secs),
    resetRate: rate(e.resets, secs),
    flowRate: rate(e.flows, secs),
    latencyP95: e.latency,
  };
  if (!e.hasData) {
    edge.noData = true;
  }
  return edge;
}

/**
 * No flow measure comes near this; a larger sample is a broken answer, and summing a few of them
 * would overflow to Infinity in the edge and node totals.
 */
const MAX_SAMPLE = 1e200;

type Reader = (metric: Record<string, unknown>) => string | undefined;

/** Prometheus label values are strings; anything else in the JSON is a broken answer, not a name. */
const labelValue = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function endReader(end: EndLabels): { name: Reader; namespace: Reader; zone: Reader; cluster: Reader } {
  return {
    name: firstOf(end.name),
    namespace: firstOf(end.namespace ?? []),
    zone: firstOf(end.zone ?? []),
    cluster: firstOf(end.cluster ?? []),
  };
}

function firstOf(labels: string[]): Reader {
  if (labels.length === 0) {
    return () => undefined;
  }
  if (labels.length === 1) {
    const [l] = labels;
    return (m) => labelValue(m[l]);
  }
  return (m) => {
    for (const l of labels) {
      const v = labelValue(m[l]);
      if (v) {
        return v;
      }
    }
    return undefined;
  };
}
