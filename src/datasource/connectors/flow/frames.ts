import type { DataFrame } from '@grafana/data';
import { FlowGraph } from '../../../model';
import { edgesFrame } from './edgesFrame';
import { FrameOptions } from './frameFields';
import { nodesFrame } from './nodesFrame';

export type { FrameOptions } from './frameFields';
export { mainRate } from './edgesFrame';

/**
 * Node graph frames as Grafana's Node Graph panel reads them (`nodes` + `edges`, `arc__*` summing
 * to 1, `detail__*` in the tooltip), so Grafana's panel and Faultline's draw the same query.
 */
export function toNodeGraphFrames(graph: FlowGraph, opts: FrameOptions): DataFrame[] {
  return [nodesFrame(graph, opts), edgesFrame(graph, opts)];
}
