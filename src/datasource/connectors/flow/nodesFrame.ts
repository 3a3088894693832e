import type { DataFrame } from '@grafana/data';
import { FlowGraph, FlowNodeInfo, FRAME_NAMES, NO_DATA, NODE_DETAILS, NodeField, PairTexts } from '../../../model';
import { COLORS, FieldSpec, frame, FrameOptions, T, writeDetails } from './frameFields';
import { Measure } from './presets';
import { StatUnit, statValues } from './statText';

interface NodeStats {
  bytesIn: number;
  bytesOut: number;
  reqIn: number;
  reqOut: number;
  errIn: number;
  flows: number;
}

function nodeStats(graph: FlowGraph): Map<string, NodeStats> {
  const stats = new Map<string, NodeStats>();
  const get = (id: string) => {
    let s = stats.get(id);
    if (!s) {
      s = { bytesIn: 0, bytesOut: 0, reqIn: 0, reqOut: 0, errIn: 0, flows: 0 };
      stats.set(id, s);
    }
    return s;
  };
  for (const e of graph.edges) {
    const s = get(e.source);
    const t = get(e.target);
    s.bytesOut += e.bytesRate ?? 0;
    t.bytesIn += e.bytesRate ?? 0;
    s.reqOut += e.requestRate ?? 0;
    t.reqIn += e.requestRate ?? 0;
    t.errIn += e.errorRate ?? 0;
    s.flows += e.flowRate ?? 0;
    t.flows += e.flowRate ?? 0;
  }
  return stats;
}

const NO_STATS: NodeStats = { bytesIn: 0, bytesOut: 0, reqIn: 0, reqOut: 0, errIn: 0, flows: 0 };

/**
 * "cluster · namespace · zone · no data", leaving out what the node lacks. Nodes share a few
 * hundred of these, so each is written once per frame.
 */
function subtitles(): (x: FlowNodeInfo) => string {
  const dots = new PairTexts(' · ');
  const add = (out: string, part: string | undefined) => (!part ? out : out ? dots.of(out, part) : part);
  return (x) => add(add(add(add('', x.cluster), x.namespace), x.zone), x.noData ? NO_DATA : undefined);
}

export function nodesFrame(graph: FlowGraph, opts: FrameOptions): DataFrame {
  const n = graph.nodes.length;
  const stats = nodeStats(graph);
  const hasRequests = graph.edges.some((e) => e.requestRate !== undefined);
  // Looked up once, not once per column: 10,000 nodes have some twenty columns.
  const byRow = graph.nodes.map((node) => stats.get(node.id) ?? NO_STATS);
  const col = <T>(f: (node: FlowNodeInfo, s: NodeStats) => T): T[] => {
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      out[i] = f(graph.nodes[i], byRow[i]);
    }
    return out;
  };
  const errShare = col((_, s) => (s.reqIn > 0 ? Math.min(1, s.errIn / s.reqIn) : 0));
  const fields: FieldSpec[] = [
    { name: NodeField.id, type: T.string, values: col((x) => x.id) },
    { name: NodeField.title, type: T.string, values: col((x) => x.title ?? x.id) },
    {
      name: NodeField.subtitle,
      type: T.string,
      values: col(subtitles()),
    },
    ...nodeStatFields(opts.primary, hasRequests, col, errShare),
    {
      name: `${NodeField.arcPrefix}errors`,
      type: T.number,
      values: errShare,
      config: { displayName: 'Errors', color: { mode: 'fixed', fixedColor: COLORS.errors } },
    },
    {
      name: `${NodeField.arcPrefix}success`,
      type: T.number,
      values: errShare.map((e) => 1 - e),
      config: { displayName: 'Success', color: { mode: 'fixed', fixedColor: COLORS.success } },
    },
    { name: NodeField.highlighted, type: T.boolean, values: col((x) => x.chaos === 'target') },
  ];
  writeDetails(fields, graph.nodes, NODE_DETAILS, opts);
  return frame(FRAME_NAMES.nodes, fields, {
    preferredVisualisationType: 'nodeGraph',
    notices: opts.notices?.length ? opts.notices : undefined,
    custom: { preset: opts.preset, totalCost: graph.totalCost, pricePerGb: opts.pricePerGb },
  });
}

function nodeStatFields(
  primary: Measure,
  hasRequests: boolean,
  col: <T>(f: (n: FlowNodeInfo, s: NodeStats) => T) => T[],
  errShare: number[]
): FieldSpec[] {
  const noData = col((n) => n.noData === true);
  const stat = (name: string, displayName: string, unit: StatUnit, values: number[]): FieldSpec => ({
    name,
    type: T.string,
    // A node without data has no stat: null, not a 0 that reads as "idle".
    values: statValues(
      values.map((v, i) => (noData[i] ? null : v)),
      unit
    ),
    config: { displayName },
  });
  if (primary === 'bytes') {
    return [
      stat(
        NodeField.mainStat,
        'Traffic',
        'Bps',
        col((_, s) => s.bytesIn + s.bytesOut)
      ),
      hasRequests
        ? stat(
            NodeField.secondaryStat,
            'Requests served',
            'reqps',
            col((_, s) => s.reqIn)
          )
        : stat(
            NodeField.secondaryStat,
            'Sent',
            'Bps',
            col((_, s) => s.bytesOut)
          ),
    ];
  }
  if (primary === 'flows') {
    return [
      stat(
        NodeField.mainStat,
        'Flows',
        'short',
        col((_, s) => s.flows)
      ),
      stat(NodeField.secondaryStat, 'Error share', 'percentunit', errShare),
    ];
  }
  return [
    stat(
      NodeField.mainStat,
      'Requests',
      'reqps',
      col((_, s) => s.reqIn || s.reqOut)
    ),
    stat(NodeField.secondaryStat, 'Error share', 'percentunit', errShare),
  ];
}
