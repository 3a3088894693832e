import { InputError } from '../../../model';
import { lookup } from '../json';
import { Notice, optional } from '../optional';
import { FlowPreset } from '../../types';
import { nodeIdOf } from './mapper';
import { EndLabels, Grouping, PresetMeasure, PRESETS, withClusterLabel } from './presets';
import { PrometheusClient } from './promClient';
import { PromMatrixSeries } from './promTypes';
import { parseSampleValue, promDuration } from './promValues';
import { selector } from './promql';

/** A node is measured as the server of its inbound edges and as the client of its outbound ones. */
export type Side = 'server' | 'client';
export const NODE_MEASURES = ['requests', 'errors', 'latencyP95', 'bytes'] as const;
export type NodeMeasure = (typeof NODE_MEASURES)[number];
export type SeriesKey = `${Side}:${NodeMeasure}`;

export interface NodeSeriesRequest {
  preset: FlowPreset;
  matchers?: string;
  from: number;
  to: number;
  stepMs: number;
  /** Window of each `rate`: at least two scrapes. */
  rateWindowMs: number;
  /** Names of the nodes wanted (the run's neighbourhood); empty: every node. */
  only?: string[];
  /** The data source's cluster label setting; the preset's own when unset, as for the flow graph. */
  clusterLabel?: string;
}

/** Beyond this many names the regex costs the store more than the unfiltered answer costs us. */
const MAX_FILTERED_NAMES = 200;

export interface NodeSeries {
  /** Evaluation times of every series, epoch ms. */
  times: number[];
  /** Per node id, per side and measure: one value per time, NaN where the store had none. */
  nodes: Map<string, Partial<Record<SeriesKey, number[]>>>;
  measures: NodeMeasure[];
  /** The PromQL that ran: one range query per measure and side, whatever the number of nodes. */
  queries: string[];
}

/**
 * Per-node time series of a preset's request, error, latency and byte measures over one window, as
 * range queries grouped by node: their number depends on the preset, never on the graph's size.
 */
export async function loadNodeSeries(
  client: PrometheusClient,
  req: NodeSeriesRequest,
  notices: Notice[],
  signal?: AbortSignal
): Promise<NodeSeries> {
  const preset = req.preset === 'custom' ? undefined : lookup(PRESETS, req.preset);
  if (!preset) {
    throw new InputError(
      `the impact of a run needs one of the flow presets, not "${String(req.preset)}"`,
      'Impact query'
    );
  }
  // The flow graph's grouping, cluster label included, so a series' node id is the graph's node id.
  const grouping = withClusterLabel(preset.groupings.workload!, req.clusterLabel ?? preset.clusterLabel);
  const measures = NODE_MEASURES.filter((m) => preset.measures.some((pm) => pm.measure === m));
  const times: number[] = [];
  for (let t = req.from; t <= req.to; t += req.stepMs) {
    times.push(t);
  }
  const out: NodeSeries = { times, nodes: new Map(), measures, queries: [] };
  const jobs = measures.flatMap((m) =>
    (['server', 'client'] as const).map((side) => {
      const pm = preset.measures.find((x) => x.measure === m)!;
      const end = endOf(grouping, side);
      const promql = nodeQuery(pm, end, req.rateWindowMs, [req.matchers, onlyMatcher(end, req.only)]);
      out.queries.push(promql);
      const run = async () => {
        const answer = await client.queryRange(promql, req.from, req.to, req.stepMs, signal);
        const d = answer.data;
        if (d?.resultType !== 'matrix' || !Array.isArray(d.result)) {
          return;
        }
        addSeries(out, `${side}:${m}`, d.result, end, req, pm.scale ?? 1);
      };
      // The measure that defines the edges must answer; the others only add to the table.
      return m === preset.primary ? run() : optional(notices, `No ${m} per service`, run);
    })
  );
  await Promise.all(jobs);
  return out;
}

const endOf = (g: Grouping, side: Side): EndLabels => (side === 'server' ? g.target : g.source);

function nodeQuery(
  m: PresetMeasure,
  end: EndLabels,
  rateWindowMs: number,
  matchers: Array<string | undefined>
): string {
  const by = [...end.name, ...(end.namespace ?? []), ...(end.cluster ?? [])].join(',');
  const w = promDuration(rateWindowMs);
  if (m.kind === 'histogram') {
    return `histogram_quantile(0.95, sum by (le,${by}) (rate(${selector(`${m.metric}_bucket`, m.match, ...matchers)}[${w}])))`;
  }
  return `sum by (${by}) (rate(${selector(m.metric, m.match, ...matchers)}[${w}]))`;
}

/**
 * Only the neighbourhood's series, so the answer grows with the blast radius and not with the
 * graph. A name read from one of several labels cannot be matched by one regex: then every node.
 */
function onlyMatcher(end: EndLabels, only: string[] | undefined): string | undefined {
  if (!only || only.length === 0 || only.length > MAX_FILTERED_NAMES || end.name.length !== 1) {
    return undefined;
  }
  const alternatives = [...new Set(only)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `${end.name[0]}=~${JSON.stringify(alternatives.join('|'))}`;
}

/** The node id the flow mapper gives the same labels: `namespace/name@cluster`, less what the series lack. */
function nodeId(metric: Record<string, string>, end: EndLabels): string | undefined {
  const first = (labels: string[] | undefined) =>
    (labels ?? []).map((l) => metric[l]).find((v) => typeof v === 'string' && v);
  const name = first(end.name);
  return name ? nodeIdOf(name, first(end.namespace), first(end.cluster)) : undefined;
}

function addSeries(
  out: NodeSeries,
  key: SeriesKey,
  result: PromMatrixSeries[],
  end: EndLabels,
  req: NodeSeriesRequest,
  scale: number
) {
  for (const s of result) {
    const id = s?.metric ? nodeId(s.metric, end) : undefined;
    if (!id || !Array.isArray(s.values)) {
      continue;
    }
    let node = out.nodes.get(id);
    if (!node) {
      node = {};
      out.nodes.set(id, node);
    }
    const values = node[key] ?? (node[key] = out.times.map(() => NaN));
    for (const [t, raw] of s.values) {
      const i = Math.round((t * 1000 - req.from) / req.stepMs);
      const v = parseSampleValue(raw) * scale;
      if (i >= 0 && i < values.length && Number.isFinite(v)) {
        // Several series of one node (a name label that differs elsewhere) add up; quantiles keep the worst.
        values[i] = Number.isNaN(values[i]) ? v : key.endsWith('latencyP95') ? Math.max(values[i], v) : values[i] + v;
      }
    }
  }
}
