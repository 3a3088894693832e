import type { DataFrame } from '@grafana/data';
import { EdgeField, FlowDetail, FlowEdge, FlowGraph, FRAME_NAMES } from '../../../model';
import { COLORS, DASHED, EXTRA_DETAIL, FieldSpec, frame, FrameOptions, NO_DATA, optional, T } from './frameFields';
import { edgeKey } from './mapper';
import { Measure } from './presets';
import { StatUnit, statValues } from './statText';

export function edgesFrame(graph: FlowGraph, opts: FrameOptions): DataFrame {
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
  const unit: StatUnit = opts.primary === 'bytes' ? 'Bps' : opts.primary === 'requests' ? 'reqps' : 'short';
  const fields: FieldSpec[] = [
    { name: EdgeField.id, type: T.string, values: col((e) => edgeKey(e.source, e.target)) },
    { name: EdgeField.source, type: T.string, values: col((e) => e.source) },
    { name: EdgeField.target, type: T.string, values: col((e) => e.target) },
    {
      name: EdgeField.mainStat,
      type: T.string,
      // An edge without data has no rate: null, not 0.
      values: statValues(
        main.map((v, i) => (edges[i].noData ? null : v)),
        unit
      ),
      config: {
        displayName: opts.primary === 'bytes' ? 'Throughput' : opts.primary === 'flows' ? 'Flows' : 'Requests',
      },
    },
    secondaryEdgeStat(opts.primary, col, share),
    {
      name: EdgeField.thickness,
      type: T.number,
      values: main.map((v) => (max > 0 && v > 0 ? 1 + 5 * Math.sqrt(v / max) : 1)),
    },
    { name: EdgeField.color, type: T.string, values: col((e) => edgeColor(e)), config: { color: { mode: 'fixed' } } },
    {
      name: EdgeField.strokeDasharray,
      type: T.string,
      values: col((e) => (e.diff === 'vanished' || e.noData ? DASHED : null)),
    },
    {
      name: EdgeField.highlighted,
      type: T.boolean,
      values: col((e) => chaosIds.has(e.source) || chaosIds.has(e.target)),
    },
  ];
  optional(
    fields,
    EXTRA_DETAIL.data,
    'Data',
    col((e) => (e.noData ? NO_DATA : undefined))
  );
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
  optional(
    fields,
    FlowDetail.crossCluster,
    'Cross-cluster',
    col((e) => (e.sourceCluster !== undefined ? `${e.sourceCluster} → ${e.targetCluster ?? '?'}` : undefined))
  );
  if (opts.pricePerGb !== undefined) {
    optional(
      fields,
      FlowDetail.cost,
      'Transfer cost',
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
      type: T.string,
      values: statValues(
        col((e) => e.requestRate ?? e.retransmitRate),
        'reqps'
      ),
      config: { displayName: 'Requests' },
    };
  }
  if (primary === 'flows') {
    return {
      name: EdgeField.secondaryStat,
      type: T.string,
      values: statValues(
        col((e) => e.dropRate),
        'short'
      ),
      config: { displayName: 'Drops' },
    };
  }
  return {
    name: EdgeField.secondaryStat,
    type: T.string,
    values: statValues(share, 'percentunit'),
    config: { displayName: 'Error share' },
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
