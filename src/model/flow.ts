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
}

export interface FlowNodeInfo {
  id: string;
  namespace?: string;
  zone?: string;
  owner?: string;
  team?: string;
}

/** Role of a node in a chaos run's blast radius. */
export type BlastRole = 'target' | 'upstream' | 'downstream';

/** Change of an edge between the current range and the comparison range. */
export type EdgeDiff = 'new' | 'vanished' | 'changed' | 'same';
