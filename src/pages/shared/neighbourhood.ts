import { DataFrame, Field } from '@grafana/data';
import { CustomTransformOperator } from '@grafana/scenes';
import { map } from 'rxjs';
import { EdgeField, FRAME_NAMES, NodeField } from '../../model';
import { ServiceIndex } from '../../scorecard/match';

const fieldOf = (frame: DataFrame, name: string): Field | undefined => frame.fields.find((f) => f.name === name);

function keepRows(frame: DataFrame, keep: (row: number) => boolean): DataFrame {
  const rows: number[] = [];
  for (let i = 0; i < frame.length; i++) {
    if (keep(i)) {
      rows.push(i);
    }
  }
  return {
    ...frame,
    length: rows.length,
    fields: frame.fields.map((f) => ({ ...f, values: rows.map((i) => f.values[i]) })),
  };
}

/**
 * The flow graph cut down to one service, the nodes it talks to and the edges between them. The
 * service is matched the way runs and scorecards match it (name, `namespace/name`, pod names).
 * Frames that are not node graph frames pass through.
 */
export function neighbourhood(frames: DataFrame[], service: string): DataFrame[] {
  const nodes = frames.find((f) => f.name === FRAME_NAMES.nodes);
  const edges = frames.find((f) => f.name === FRAME_NAMES.edges);
  const ids = nodes && fieldOf(nodes, NodeField.id);
  const src = edges && fieldOf(edges, EdgeField.source);
  const dst = edges && fieldOf(edges, EdgeField.target);
  if (!nodes || !edges || !ids || !src || !dst) {
    return frames;
  }
  const titles = fieldOf(nodes, NodeField.title);
  const index = new ServiceIndex([service]);
  const focus = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    if (index.find(String(titles?.values[i] ?? ids.values[i])) || index.find(String(ids.values[i]))) {
      focus.add(String(ids.values[i]));
    }
  }
  const touching = (i: number) => focus.has(String(src.values[i])) || focus.has(String(dst.values[i]));
  const keptEdges = keepRows(edges, touching);
  const near = new Set(focus);
  for (let i = 0; i < edges.length; i++) {
    if (touching(i)) {
      near.add(String(src.values[i]));
      near.add(String(dst.values[i]));
    }
  }
  const keptNodes = keepRows(nodes, (i) => near.has(String(ids.values[i])));
  return frames.map((f) => (f === nodes ? keptNodes : f === edges ? keptEdges : f));
}

/** The same as a scenes transformation, for a SceneDataTransformer. */
export const neighbourhoodOf =
  (service: string): CustomTransformOperator =>
  () =>
  (source) =>
    source.pipe(map((frames: DataFrame[]) => neighbourhood(frames, service)));
