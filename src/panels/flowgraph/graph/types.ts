import type { Field } from '@grafana/data';
import type { EDGE_DETAILS, NODE_DETAILS } from '../../../model';
import type { ReadDetails } from './fields';

/** Where a node or edge came from; the tooltip formats its detail__* fields only when shown. */
export interface RowRef {
  fields: Field[];
  row: number;
}

/** A node as the flow map draws it, read from any data source's node graph frames. */
export interface MapNode extends ReadDetails<typeof NODE_DETAILS> {
  id: string;
  title: string;
  subtitle?: string;
  mainStat?: string;
  secondaryStat?: string;
  /** Explicit colour from the frame's `color` field. */
  color?: string;
  src?: RowRef;
  /** Set when this node stands for a collapsed group: indices of its members in the full graph. */
  members?: number[];
}

/** An edge as the flow map draws it: its endpoints are indices into the map's nodes. */
export interface MapEdge extends ReadDetails<typeof EDGE_DETAILS> {
  id: string;
  /** Index into MapGraph.nodes. */
  source: number;
  target: number;
  mainStat?: string;
  secondaryStat?: string;
  thickness?: number;
  /** Throughput used for edge width and ranking: detail__bytes, else a numeric mainstat, else detail__requests or detail__flows, else 0. */
  weight: number;
  color?: string;
  /** The frame's strokeDasharray asks for a dashed line (a vanished edge, an edge without data). */
  dashed?: boolean;
  src?: RowRef;
}

/**
 * The graph the flow map draws, read back from node graph frames (src/model's `FlowGraph` is what a
 * flows query measured, before it became frames).
 */
export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Node id -> index in nodes. */
  index: Map<string, number>;
}
