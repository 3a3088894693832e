import type { DataFrame } from '@grafana/data';
import { EdgeField, FlowDetail, FlowEdge, FlowGraph, FRAME_NAMES } from '../../../model';
import {
  COLORS,
  DASHED,
  EXTRA_DETAIL,
  FieldSpec,
  frame,
  FrameOptions,
  NO_DATA,
  optional,
  optionalOf,
  T,
} from './frameFields';
import { edgeKey } from './mapper';
import { Measure } from './presets';
import { StatUnit, statValues } from './statText';

export function edgesFrame(graph: FlowGraph, opts: FrameOptions): DataFrame {
  const edges = graph.edges;
  const n = edges.length;
  const chaosIds = new Set(graph.nodes.filter((x) => x.chaos === 'target').map((x) => x.id));
  // The columns every edge fills, in one pass: 100,000 edges make a pass per column cost more than the stats.
  const ids = new Array<string>(n);
  const sources = new Array<string>(n);
  const targets = new Array<string>(n);
  const main = new Array<number>(n);
  const mainOrNull = new Array<number | null>(n);
  const share = new Array<number | undefined>(n);
  const colors = new Array<string | null>(n);
  const dashes = new Array<string | null>(n);
  const highlighted = new Array<boolean>(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const e = edges[i];
    const v = mainRate(e, opts.primary);
    ids[i] = edgeKey(e.source, e.target);
    sources[i] = e.source;
    targets[i] = e.target;
    main[i] = v;
    // An edge without data has no rate: null, not 0.
    mainOrNull[i] = e.noData ? null : v;
    max = v > max ? v : max;
    share[i] = e.requestRate && e.errorRate !== undefined ? Math.min(1, e.errorRate / e.requestRate) : undefined;
    colors[i] = edgeColor(e);
    dashes[i] = e.diff === 'vanished' || e.noData ? DASHED : null;
    highlighted[i] = chaosIds.has(e.source) || chaosIds.has(e.target);
  }
  const thickness = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = main[i];
    thickness[i] = max > 0 && v > 0 ? 1 + 5 * Math.sqrt(v / max) : 1;
  }
  const col = <T>(f: (e: FlowEdge) => T): T[] => {
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      out[i] = f(edges[i]);
    }
    return out;
  };
  const unit: StatUnit = opts.primary === 'bytes' ? 'Bps' : opts.primary === 'requests' ? 'reqps' : 'short';
  const fields: FieldSpec[] = [
    { name: EdgeField.id, type: T.string, values: ids },
    { name: EdgeField.source, type: T.string, values: sources },
    { name: EdgeField.target, type: T.string, values: targets },
    {
      name: EdgeField.mainStat,
      type: T.string,
      values: statValues(mainOrNull, unit),
      config: {
        displayName: opts.primary === 'bytes' ? 'Throughput' : opts.primary === 'flows' ? 'Flows' : 'Requests',
      },
    },
    secondaryEdgeStat(opts.primary, col, share),
    { name: EdgeField.thickness, type: T.number, values: thickness },
    { name: EdgeField.color, type: T.string, values: colors, config: { color: { mode: 'fixed' } } },
    { name: EdgeField.strokeDasharray, type: T.string, values: dashes },
    { name: EdgeField.highlighted, type: T.boolean, values: highlighted },
  ];
  const detail = (name: string, displayName: string, get: (e: FlowEdge) => unknown, u?: string) =>
    optionalOf(fields, edges, get, name, displayName, u);
  detail(EXTRA_DETAIL.data, 'Data', (e) => (e.noData ? NO_DATA : undefined));
  detail(FlowDetail.bytes, 'Throughput', (e) => e.bytesRate, 'Bps');
  detail(FlowDetail.requests, 'Requests', (e) => e.requestRate, 'reqps');
  detail(FlowDetail.errors, 'Errors', (e) => e.errorRate, 'reqps');
  optional(fields, FlowDetail.errorShare, 'Error share', share, 'percentunit');
  detail(FlowDetail.latencyP95, 'p95 latency', (e) => e.latencyP95, 's');
  detail(EXTRA_DETAIL.flows, 'Flows', (e) => e.flowRate, 'short');
  detail(FlowDetail.retransmits, 'Retransmits', (e) => e.retransmitRate, 'short');
  detail(FlowDetail.drops, 'Drops', (e) => e.dropRate, 'short');
  detail(EXTRA_DETAIL.resets, 'TCP resets', (e) => e.resetRate, 'short');
  detail(FlowDetail.crossZone, 'Cross-zone', (e) =>
    e.crossZoneBytesTotal ? `${e.sourceZone ?? '?'} → ${e.targetZone ?? '?'}` : undefined
  );
  detail(FlowDetail.crossCluster, 'Cross-cluster', (e) =>
    e.sourceCluster !== undefined ? `${e.sourceCluster} → ${e.targetCluster ?? '?'}` : undefined
  );
  if (opts.pricePerGb !== undefined) {
    detail(FlowDetail.cost, 'Transfer cost', (e) => e.cost, 'currencyUSD');
  }
  detail(FlowDetail.diff, 'Change', (e) => e.diff);
  detail(EXTRA_DETAIL.previous, 'Before', (e) => e.previousRate, unit);
  detail(FlowDetail.impactChange, 'Change in the run', (e) =>
    e.impactChange ? [e.impactChange.kind, ...e.impactChange.reasons].join(': ') : undefined
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
