import type { ImpactLevel } from './impact';

/** One observed edge between two workloads over a time range, already aggregated. */
export interface FlowEdge {
  source: string;
  target: string;
  /** bytes per second */
  bytesRate?: number;
  /** requests per second */
  requestRate?: number;
  /** errors per second */
  errorRate?: number;
  retransmitRate?: number;
  dropRate?: number;
  /** seconds */
  latencyP95?: number;
  sourceZone?: string;
  targetZone?: string;
  /** Total bytes transferred over the range (for cost). */
  bytesTotal?: number;
  /**
   * Set on an edge between two clusters (both known and different): it is priced with the
   * cross-cluster price, not the cross-zone one.
   */
  sourceCluster?: string;
  targetCluster?: string;
  /** Bytes of this edge that crossed availability zones over the range. */
  crossZoneBytesTotal?: number;
  /** Flows (Hubble's flow events) per second. */
  flowRate?: number;
  /** TCP resets (Hubble's TCP flags) per second. */
  resetRate?: number;
  /** Change against the comparison range, when one is asked for. */
  diff?: EdgeDiff;
  /** Main rate of the edge in the comparison range. */
  previousRate?: number;
  /** Price of the bytes of a cross-zone (or cross-cluster) edge over the range, in the configured currency per GB. */
  cost?: number;
  /** Seen only on series whose values were NaN, ±Inf or out of range: the edge exists, its rates are unknown. */
  noData?: boolean;
  /** How the edge changed during the chaos run the flow query was asked about, against its baseline. */
  impactChange?: EdgeChange;
}

export interface FlowNodeInfo {
  id: string;
  namespace?: string;
  zone?: string;
  /** Set when the series carry a cluster label; "unknown cluster" for nodes whose series lack it. */
  cluster?: string;
  owner?: string;
  team?: string;
  /** Display name (workload, pod, namespace or address); `id` may add the namespace to stay unique. */
  title?: string;
  /** Role in the blast radius of chaos runs active in the range. */
  chaos?: BlastRole;
  /** Names of those runs. */
  chaosRuns?: string[];
  /** Catalog namespace of the service the node was joined to, for links to its service page. */
  catalogNamespace?: string;
  /** Seen only on series without a usable value (NaN, ±Inf): kept on the map, with "no data". */
  noData?: boolean;
  /** Measured impact of the chaos run the flow query was asked about, with why. */
  impact?: { level: ImpactLevel; reasons: string[] };
}

/**
 * Everything a flows query measured over one time range, ready to become node graph frames (the flow
 * map panel reads frames back into its own `MapGraph`, which any data source can feed).
 */
export interface FlowGraph {
  nodes: FlowNodeInfo[];
  edges: FlowEdge[];
  /** Sum of `cost` over cross-zone edges; absent when no price per GB is configured. */
  totalCost?: number;
}

/** Something a query wants the user to know without failing: shown as a frame notice. */
export interface FlowNotice {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

/** Role of a node in a chaos run's blast radius. */
export type BlastRole = 'target' | 'upstream' | 'downstream';

/** Change of an edge between the current range and the comparison range. */
export type EdgeDiff = 'new' | 'vanished' | 'changed' | 'same';

/** What moved on an edge during a chaos run against its baseline: errors, traffic, latency, or nothing. */
export type EdgeChangeKind = 'errors' | 'traffic' | 'latency' | 'none';

export interface EdgeChange {
  kind: EdgeChangeKind;
  /** "error share 0.0% → 40.0%"; empty for none. */
  reasons: string[];
}
