import type { Field } from '@grafana/data';
import type { BlastRole, EdgeChangeKind, EdgeDiff, ImpactLevel } from '../../../model';

/** Where a node or edge came from; the tooltip formats its detail__* fields only when shown. */
export interface RowRef {
  fields: Field[];
  row: number;
}

export interface FlowNode {
  id: string;
  title: string;
  subtitle?: string;
  mainStat?: string;
  secondaryStat?: string;
  /** Explicit colour from the frame's `color` field. */
  color?: string;
  team?: string;
  /** Catalog namespace of the service this node is, when the data joined it to the catalog. */
  catalogNamespace?: string;
  owner?: string;
  namespace?: string;
  zone?: string;
  /** Cluster and catalog system, when the data names them: the upper levels of the map. */
  cluster?: string;
  system?: string;
  chaos?: BlastRole;
  /** Measured impact of the chaos run the query was asked about (detail__impact). */
  impact?: ImpactLevel;
  errorShare?: number;
  /** Own detail__* numbers, or when absent the totals of the node's edges (for filtering). */
  bytes?: number;
  errors?: number;
  cost?: number;
  src?: RowRef;
  /** Set when this node stands for a collapsed group: indices of its members in the full graph. */
  members?: number[];
}

export interface FlowEdge {
  id: string;
  /** Index into FlowGraph.nodes. */
  source: number;
  target: number;
  mainStat?: string;
  secondaryStat?: string;
  thickness?: number;
  /** Throughput used for edge width and ranking: detail__bytes, else a numeric mainstat, else detail__requests or detail__flows, else 0. */
  weight: number;
  color?: string;
  bytes?: number;
  requests?: number;
  errors?: number;
  errorShare?: number;
  cost?: number;
  crossZone?: boolean;
  diff?: EdgeDiff;
  /** What moved on the edge during the chaos run the query was asked about (detail__impact_change). */
  change?: EdgeChangeKind;
  /** The frame's strokeDasharray asks for a dashed line (a vanished edge, an edge without data). */
  dashed?: boolean;
  src?: RowRef;
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Node id -> index in nodes. */
  index: Map<string, number>;
}
