import type { DataFrame } from '@grafana/data';
import type { FlowDataError } from './dataErrors';

export interface Categorized {
  nodes: DataFrame[];
  edges: DataFrame[];
  errors: FlowDataError[];
}

function names(frame: DataFrame): Set<string> {
  return new Set(frame.fields.map((f) => f.name.toLowerCase()));
}

/**
 * Sorts frames the way Grafana's Node Graph does (a frame with `source` holds edges, one with `id`
 * holds nodes) so frames from Tempo or any other data source work too. Other frames are ignored
 * when node graph frames are present, and reported when nothing usable is.
 */
export function categorize(series: DataFrame[]): Categorized {
  const out: Categorized = { nodes: [], edges: [], errors: [] };
  if (series.length === 0) {
    out.errors.push({ kind: 'no-frames' });
    return out;
  }
  const unusable: FlowDataError[] = [];
  for (const frame of series) {
    const has = names(frame);
    if (has.has('source') || has.has('target')) {
      if (!has.has('source') || !has.has('target')) {
        out.errors.push({ kind: 'missing-field', frame: 'edges', field: has.has('source') ? 'target' : 'source' });
        continue;
      }
      out.edges.push(frame);
    } else if (has.has('id')) {
      out.nodes.push(frame);
    } else {
      unusable.push({
        kind: 'not-node-graph',
        frame: frame.name ?? frame.refId ?? 'unnamed',
        fields: frame.fields.map((f) => f.name),
      });
    }
  }
  if (out.nodes.length === 0 && out.edges.length === 0) {
    out.errors.push(...unusable);
  }
  return out;
}
