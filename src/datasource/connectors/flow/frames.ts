import type { DataFrame, FieldConfig, FieldType } from '@grafana/data';
import {
  EdgeField,
  FlowDetail,
  FlowEdge,
  FlowGraph,
  FlowNodeInfo,
  FlowNotice,
  FRAME_NAMES,
  NodeField,
} from '../../../model';
import { edgeKey } from './mapper';
import { Measure } from './presets';

export interface FrameOptions {
  primary: Measure;
  notices?: FlowNotice[];
  /** Price per GB of cross-zone bytes, when configured; turns on the cost fields. */
  pricePerGb?: number;
  preset?: string;
}

/** Detail fields Faultline writes beyond the shared FlowDetail names. */
const EXTRA_DETAIL = { flows: 'detail__flows', resets: 'detail__tcp_resets', previous: 'detail__previous' } as const;

// Type-only use of @grafana/data keeps this mapper loadable in Node (tests against real stores, the
// benchmark): the package touches `window` when it loads. Frames are plain DataFrame objects.
const T = {
  string: 'string' as FieldType.string,
  number: 'number' as FieldType.number,
  boolean: 'boolean' as FieldType.boolean,
};

const COLORS = { errors: '#F2495C', success: '#73BF69', new: '#73BF69', vanished: '#8E8E8E', changed: '#FF9830' };

interface FieldSpec {
  name: string;
  type: FieldType;
  values: unknown[];
  config?: FieldConfig;
}

function frame(name: string, fields: FieldSpec[], meta: DataFrame['meta']): DataFrame {
  return {
    name,
    fields: fields.map((f) => ({ name: f.name, type: f.type, values: f.values, config: f.config ?? {} })),
    length: fields[0]?.values.length ?? 0,
    meta,
  };
}

/**
 * Node graph frames as Grafana's Node Graph panel reads them (`nodes` + `edges`, `arc__*` summing
 * to 1, `detail__*` in the tooltip), so Grafana's panel and Faultline's draw the same query.
 */
export function toNodeGraphFrames(graph: FlowGraph, opts: FrameOptions): DataFrame[] {
  return [nodesFrame(graph, opts), edgesFrame(graph, opts)];
}

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

function nodesFrame(graph: FlowGraph, opts: FrameOptions): DataFrame {
  const n = graph.nodes.length;
  const stats = nodeStats(graph);
  const hasRequests = graph.edges.some((e) => e.requestRate !== undefined);
  const col = <T>(f: (node: FlowNodeInfo, s: NodeStats) => T): T[] => {
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      const node = graph.nodes[i];
      out[i] = f(node, stats.get(node.id) ?? { bytesIn: 0, bytesOut: 0, reqIn: 0, reqOut: 0, errIn: 0, flows: 0 });
    }
    return out;
  };
  const errShare = col((_, s) => (s.reqIn > 0 ? Math.min(1, s.errIn / s.reqIn) : 0));
  const fields: FieldSpec[] = [
    { name: NodeField.id, type: T.string, values: col((x) => x.id) },
    { name: NodeField.title, type: T.string, values: col((x) => x.title ?? x.id) },
    { name: NodeField.subtitle, type: T.string, values: col((x) => [x.namespace, x.zone].filter(Boolean).join(' · ')) },
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
  optional(
    fields,
    FlowDetail.namespace,
    'Namespace',
    col((x) => x.namespace)
  );
  optional(
    fields,
    FlowDetail.zone,
    'Zone',
    col((x) => x.zone)
  );
  optional(
    fields,
    FlowDetail.owner,
    'Owner',
    col((x) => x.owner)
  );
  optional(
    fields,
    FlowDetail.team,
    'Team',
    col((x) => x.team)
  );
  optional(
    fields,
    FlowDetail.chaos,
    'Chaos',
    col((x) => (x.chaos ? `${x.chaos}: ${(x.chaosRuns ?? []).join(', ')}` : undefined))
  );
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
  const stat = (name: string, displayName: string, unit: string, values: number[]): FieldSpec => ({
    name,
    type: T.number,
    values,
    config: { displayName, unit },
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

function edgesFrame(graph: FlowGraph, opts: FrameOptions): DataFrame {
  const edges = graph.edges;
  const col = <T>(f: (e: FlowEdge) => T): T[] => {
    const out = new Array<T>(edges.length);
    for (let i = 0; i < edges.length; i++) {
      out[i] = f(edges[i]);
    }
    return out;
  };
  const main = col((e) => mainRate(e, opts.primary));
  let max = 0;
  for (const v of main) {
    max = v > max ? v : max;
  }
  const share = col((e) =>
    e.requestRate && e.errorRate !== undefined ? Math.min(1, e.errorRate / e.requestRate) : undefined
  );
  const chaosIds = new Set(graph.nodes.filter((n) => n.chaos === 'target').map((n) => n.id));
  const unit = opts.primary === 'bytes' ? 'Bps' : opts.primary === 'requests' ? 'reqps' : 'short';
  const fields: FieldSpec[] = [
    { name: EdgeField.id, type: T.string, values: col((e) => edgeKey(e.source, e.target)) },
    { name: EdgeField.source, type: T.string, values: col((e) => e.source) },
    { name: EdgeField.target, type: T.string, values: col((e) => e.target) },
    {
      name: EdgeField.mainStat,
      type: T.number,
      values: main,
      config: {
        displayName: opts.primary === 'bytes' ? 'Throughput' : opts.primary === 'flows' ? 'Flows' : 'Requests',
        unit,
      },
    },
    secondaryEdgeStat(opts.primary, col, share),
    { name: EdgeField.thickness, type: T.number, values: main.map((v) => (max > 0 ? 1 + 5 * Math.sqrt(v / max) : 1)) },
    { name: EdgeField.color, type: T.string, values: col((e) => edgeColor(e)), config: { color: { mode: 'fixed' } } },
    { name: EdgeField.strokeDasharray, type: T.string, values: col((e) => (e.diff === 'vanished' ? '4 4' : null)) },
    {
      name: EdgeField.highlighted,
      type: T.boolean,
      values: col((e) => chaosIds.has(e.source) || chaosIds.has(e.target)),
    },
  ];
  optional(
    fields,
    FlowDetail.bytes,
    'Throughput',
    col((e) => e.bytesRate),
    'Bps'
  );
  optional(
    fields,
    FlowDetail.requests,
    'Requests',
    col((e) => e.requestRate),
    'reqps'
  );
  optional(
    fields,
    FlowDetail.errors,
    'Errors',
    col((e) => e.errorRate),
    'reqps'
  );
  optional(fields, FlowDetail.errorShare, 'Error share', share, 'percentunit');
  optional(
    fields,
    FlowDetail.latencyP95,
    'p95 latency',
    col((e) => e.latencyP95),
    's'
  );
  optional(
    fields,
    EXTRA_DETAIL.flows,
    'Flows',
    col((e) => e.flowRate),
    'short'
  );
  optional(
    fields,
    FlowDetail.retransmits,
    'Retransmits',
    col((e) => e.retransmitRate),
    'short'
  );
  optional(
    fields,
    FlowDetail.drops,
    'Drops',
    col((e) => e.dropRate),
    'short'
  );
  optional(
    fields,
    EXTRA_DETAIL.resets,
    'TCP resets',
    col((e) => e.resetRate),
    'short'
  );
  optional(
    fields,
    FlowDetail.crossZone,
    'Cross-zone',
    col((e) => (e.crossZoneBytesTotal ? `${e.sourceZone ?? '?'} → ${e.targetZone ?? '?'}` : undefined))
  );
  if (opts.pricePerGb !== undefined) {
    optional(
      fields,
      FlowDetail.cost,
      'Cross-zone cost',
      col((e) => e.cost),
      'currencyUSD'
    );
  }
  optional(
    fields,
    FlowDetail.diff,
    'Change',
    col((e) => e.diff)
  );
  optional(
    fields,
    EXTRA_DETAIL.previous,
    'Before',
    col((e) => e.previousRate),
    unit
  );
  return frame(FRAME_NAMES.edges, fields, { preferredVisualisationType: 'nodeGraph' });
}

function secondaryEdgeStat(
  primary: Measure,
  col: <T>(f: (e: FlowEdge) => T) => T[],
  share: Array<number | undefined>
): FieldSpec {
  if (primary === 'bytes') {
    return {
      name: EdgeField.secondaryStat,
      type: T.number,
      values: col((e) => e.requestRate ?? e.retransmitRate),
      config: { displayName: 'Requests', unit: 'reqps' },
    };
  }
  if (primary === 'flows') {
    return {
      name: EdgeField.secondaryStat,
      type: T.number,
      values: col((e) => e.dropRate),
      config: { displayName: 'Drops', unit: 'short' },
    };
  }
  return {
    name: EdgeField.secondaryStat,
    type: T.number,
    values: share,
    config: { displayName: 'Error share', unit: 'percentunit' },
  };
}

export function mainRate(e: FlowEdge, primary: Measure): number {
  const v = primary === 'bytes' ? e.bytesRate : primary === 'flows' ? e.flowRate : e.requestRate;
  return v ?? 0;
}

/** Null, not '', when there is nothing to say: Grafana's Node Graph uses the value as a stroke colour. */
function edgeColor(e: FlowEdge): string | null {
  if (e.diff === 'new' || e.diff === 'vanished' || e.diff === 'changed') {
    return COLORS[e.diff];
  }
  return e.requestRate && e.errorRate && e.errorRate / e.requestRate > 0.05 ? COLORS.errors : null;
}

/** Adds a detail field only when some row has a value, so the tooltip lists what the preset measures. */
function optional(fields: FieldSpec[], name: string, displayName: string, values: unknown[], unit?: string) {
  if (!values.some((v) => v !== undefined && v !== null && v !== '')) {
    return;
  }
  const numeric = values.some((v) => typeof v === 'number');
  fields.push({
    name,
    type: numeric ? T.number : T.string,
    values: values.map((v) => (v === undefined ? null : v)),
    config: { displayName, ...(unit ? { unit } : {}) },
  });
}
