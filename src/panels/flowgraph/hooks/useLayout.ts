import { useEffect, useMemo, useRef, useState } from 'react';
import type { GroupBy } from '../graph/collapse';
import type { MapGraph } from '../graph/types';
import { createLayoutWorker, type LayoutWorker } from '../layout/createLayoutWorker';
import type { LayoutEngine, LayoutInput, LayoutMessage, LayoutMode } from '../layout/types';

/** The group boxes the panel draws: which grouping, and each node's key (undefined for none). */
export interface LayoutGrouping {
  by: GroupBy;
  keys: Array<string | undefined>;
}

export interface LayoutState {
  positions?: Float32Array;
  engine?: LayoutEngine;
  /** The grouping the positions were laid out for. */
  groupBy?: GroupBy;
  ms?: number;
  running: boolean;
  progress: number;
  notice?: string;
}

/** Layout input for a graph, seeded with the positions nodes had last time (by id). */
export function layoutInput(
  graph: MapGraph,
  mode: LayoutMode,
  memory: Map<string, [number, number]> | undefined,
  keys?: Array<string | undefined>
): LayoutInput {
  const n = graph.nodes.length;
  const seed = memory && memory.size > 0 ? new Float32Array(2 * n).fill(NaN) : undefined;
  if (seed) {
    graph.nodes.forEach((node, i) => {
      const p = memory!.get(node.id);
      if (p) {
        seed[2 * i] = p[0];
        seed[2 * i + 1] = p[1];
      }
    });
  }
  return {
    n,
    sources: Int32Array.from(graph.edges, (e) => e.source),
    targets: Int32Array.from(graph.edges, (e) => e.target),
    seed,
    mode,
    groups: keys && groupIndices(keys),
  };
}

function groupIndices(keys: Array<string | undefined>): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(keys, (k) => (k === undefined ? -1 : (index.get(k) ?? index.set(k, index.size).get(k)!)));
}

interface Result {
  graph: MapGraph;
  mode: LayoutMode;
  by: GroupBy;
  positions: Float32Array;
  engine: LayoutEngine;
  ms: number;
  notice?: string;
}

let nextId = 1;

/**
 * Lays the graph out in a worker (on the main thread where a page allows none: createLayoutWorker). A newer graph cancels the running layout (the worker is
 * terminated: d3-force cannot be interrupted from outside). Positions are remembered by node id
 * so a refresh keeps every known node where it was; changing the layout mode or the grouping starts
 * afresh (kept positions would keep the old, overlapping group boxes).
 */
export function useLayout(
  graph: MapGraph,
  mode: LayoutMode,
  grouping?: LayoutGrouping,
  factory: () => LayoutWorker = createLayoutWorker
): LayoutState {
  const [result, setResult] = useState<Result | undefined>();
  const [progress, setProgress] = useState({ graph: undefined as MapGraph | undefined, done: 0 });
  const memory = useRef(new Map<string, [number, number]>());
  const lastMode = useRef(mode);
  const by = grouping?.by ?? 'none';
  const keys = by === 'none' ? undefined : grouping?.keys;
  const lastBy = useRef(by);

  useEffect(() => {
    if (lastMode.current !== mode || lastBy.current !== by) {
      memory.current.clear();
      lastMode.current = mode;
      lastBy.current = by;
    }
    const input = layoutInput(graph, mode, memory.current, keys);
    const id = nextId++;
    const accept = (positions: Float32Array, engine: LayoutEngine, ms: number) => {
      graph.nodes.forEach((node, i) => memory.current.set(node.id, [positions[2 * i], positions[2 * i + 1]]));
      setResult({ graph, mode, by, positions, engine, ms });
    };
    const worker = factory();
    worker.onmessage = (ev: MessageEvent<LayoutMessage>) => {
      const m = ev.data;
      if (m.id !== id) {
        return;
      }
      if (m.type === 'progress') {
        setProgress({ graph, done: m.done });
      } else if (m.type === 'done') {
        accept(m.output.positions, m.output.engine, m.ms);
      } else {
        setResult((r) => r && { ...r, graph, mode, by, notice: `Layout failed: ${m.message}` });
      }
    };
    worker.postMessage({ type: 'layout', id, input }, [
      input.sources.buffer,
      input.targets.buffer,
      ...(input.seed ? [input.seed.buffer] : []),
      ...(input.groups ? [input.groups.buffer] : []),
    ]);
    return () => worker.terminate();
  }, [graph, mode, by, keys, factory]);

  const current = result !== undefined && result.graph === graph && result.mode === mode && result.by === by;
  // While a new layout runs, the previous one stays on screen, carried over to the new graph by id.
  const positions = useMemo(
    () => (result && result.graph !== graph ? carryOver(result, graph) : result?.positions),
    [result, graph]
  );
  return {
    positions,
    engine: result?.engine,
    groupBy: result?.by,
    ms: result?.ms,
    running: !current,
    progress: progress.graph === graph ? progress.done : 0,
    notice: result?.notice,
  };
}

function carryOver(r: Result, graph: MapGraph): Float32Array {
  const xy = new Float32Array(2 * graph.nodes.length);
  const old = new Map(r.graph.nodes.map((n, i) => [n.id, i]));
  graph.nodes.forEach((n, i) => {
    const j = old.get(n.id);
    if (j !== undefined) {
      xy[2 * i] = r.positions[2 * j];
      xy[2 * i + 1] = r.positions[2 * j + 1];
    }
  });
  return xy;
}
