export type LayoutMode = 'auto' | 'layered' | 'force';
export type LayoutEngine = 'layered' | 'force' | 'incremental';

/** Everything the worker needs, as typed arrays so posting 30,000 edges is a transfer, not a copy. */
export interface LayoutInput {
  n: number;
  sources: Int32Array;
  targets: Int32Array;
  /** Previous x,y per node (2n values), NaN where the node is new. */
  seed?: Float32Array;
  mode: LayoutMode;
  /** Group index per node (-1 for none) when the panel draws group boxes: the layered layout keeps groups apart. */
  groups?: Int32Array;
}

export interface LayoutOutput {
  /** x,y per node. */
  positions: Float32Array;
  engine: LayoutEngine;
}

export type LayoutRequest = { type: 'layout'; id: number; input: LayoutInput };
export type LayoutMessage =
  | { type: 'progress'; id: number; done: number }
  | { type: 'done'; id: number; output: LayoutOutput; ms: number }
  | { type: 'error'; id: number; message: string };

/** Graphs up to this size get the layered (left-to-right call order) layout in auto mode. */
export const LAYERED_MAX_NODES = 300;
/** When at least this share of nodes kept a position, only the newcomers are placed. */
export const INCREMENTAL_MIN_KNOWN = 0.8;
