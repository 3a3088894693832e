import type { DataFrame } from '@grafana/data';
import { categorize } from './categorize';
import { type FlowDataError, isFatal } from './dataErrors';
import { limitNodes } from './limit';
import { readEdges } from './readEdges';
import { readNodes } from './readNodes';
import { fillNodeTotals } from './totals';
import type { MapGraph } from './types';

export interface ReadResult {
  graph: MapGraph;
  errors: FlowDataError[];
  /** True when an error stops the map from being drawn. */
  fatal: boolean;
}

export const DEFAULT_NODE_LIMIT = 20_000;

/** Node graph frames from any data source -> the panel's graph, plus everything worth telling the user. */
export function readFlowFrames(series: DataFrame[], maxNodes = DEFAULT_NODE_LIMIT): ReadResult {
  const cat = categorize(series);
  const errors = [...cat.errors];
  const empty: MapGraph = { nodes: [], edges: [], index: new Map() };
  if (errors.some(isFatal)) {
    return { graph: empty, errors, fatal: true };
  }
  const n = readNodes(cat.nodes);
  const e = readEdges(cat.edges, n.nodes, n.index, cat.nodes.length === 0);
  errors.push(...n.errors, ...e.errors);
  let graph: MapGraph = { nodes: n.nodes, edges: e.edges, index: n.index };
  if (graph.nodes.length === 0) {
    errors.push({ kind: 'empty', frame: 'nodes' });
    return { graph, errors, fatal: false };
  }
  if (cat.edges.length > 0 && graph.edges.length === 0 && !errors.some((x) => x.kind === 'missing-endpoints')) {
    errors.push({ kind: 'empty', frame: 'edges' });
  }
  fillNodeTotals(graph);
  if (graph.nodes.length > maxNodes) {
    errors.push({ kind: 'too-many-nodes', total: graph.nodes.length, shown: maxNodes });
    graph = limitNodes(graph, maxNodes);
  }
  return { graph, errors, fatal: false };
}
