/**
 * Everything that can be wrong with the shape of node graph data. Fatal errors stop the panel from
 * drawing; the others are shown as notices above a map drawn from what could be used.
 */
export type FlowDataError =
  | { kind: 'no-frames' }
  | { kind: 'not-node-graph'; frame: string; fields: string[] }
  | { kind: 'missing-field'; frame: 'nodes' | 'edges'; field: string }
  | { kind: 'empty'; frame: 'nodes' | 'edges' }
  | {
      kind: 'missing-endpoints';
      count: number;
      examples: Array<{ edge: string; side: 'source' | 'target'; id: string }>;
    }
  | { kind: 'duplicate-ids'; frame: 'nodes' | 'edges'; count: number; examples: string[] }
  | { kind: 'self-loops'; count: number; examples: string[] }
  | { kind: 'invalid-stats'; frame: 'nodes' | 'edges'; field: string; count: number }
  | { kind: 'too-many-nodes'; total: number; shown: number };

const FATAL = new Set<FlowDataError['kind']>(['no-frames', 'not-node-graph', 'missing-field']);

export function isFatal(e: FlowDataError): boolean {
  return FATAL.has(e.kind);
}

const MAX_EXAMPLES = 3;

function quote(s: string): string {
  const short = s.length > 60 ? `${s.slice(0, 59)}…` : s;
  return `“${short}”`;
}

function examples(list: string[], count: number): string {
  const shown = list.slice(0, MAX_EXAMPLES).map(quote).join(', ');
  return count > MAX_EXAMPLES ? `${shown} and ${count - MAX_EXAMPLES} more` : shown;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function formatDataError(e: FlowDataError): string {
  switch (e.kind) {
    case 'no-frames':
      return 'No data: the query returned no frames. A flow map needs a nodes frame (field id) and an edges frame (fields id, source, target).';
    case 'not-node-graph': {
      const has = e.fields.length ? `it has ${e.fields.slice(0, 8).join(', ')}` : 'it has no fields';
      return `Frame ${quote(e.frame)} is not node graph data: a nodes frame needs an id field, an edges frame needs source and target fields; ${has}.`;
    }
    case 'missing-field':
      return `The ${e.frame} frame has no ${e.field} field, which the flow map needs.`;
    case 'empty':
      return e.frame === 'nodes'
        ? 'No nodes in the selected time range.'
        : 'No edges in the selected time range: nodes are drawn unconnected.';
    case 'missing-endpoints': {
      const ex = e.examples.slice(0, MAX_EXAMPLES).map((x) => `edge ${quote(x.edge)} ${x.side} ${quote(x.id)}`);
      const more = e.count > ex.length ? ` and ${e.count - ex.length} more` : '';
      return `${plural(e.count, 'edge')} point to nodes missing from the nodes frame and are not drawn (${ex.join('; ')}${more}).`;
    }
    case 'duplicate-ids':
      return `${plural(e.count, `duplicate ${e.frame === 'nodes' ? 'node' : 'edge'} id`)} (${examples(e.examples, e.count)}): the first row of each is used.`;
    case 'self-loops':
      return `${plural(e.count, 'edge')} from a node to itself (${examples(e.examples, e.count)}) are listed in the tooltip, not drawn.`;
    case 'invalid-stats':
      return `${plural(e.count, 'value')} of ${e.frame}.${e.field} are not finite numbers (NaN or Inf) and are treated as missing.`;
    case 'too-many-nodes':
      return `Showing the ${e.shown.toLocaleString('en-US')} busiest of ${e.total.toLocaleString('en-US')} nodes. Filter the query or the map, or raise "Node limit" in the panel options.`;
  }
}
