import { ChaosRun, FlowNotice, InputError, RunImpact } from '../../model';
import { QueryContext } from '../connectors/context';
import { loadServices } from '../connectors/catalog';
import { loadRuns } from '../connectors/chaos';
import { loadFlowGraph } from '../connectors/flow';
import { loadNodeSeries } from '../connectors/flow/nodeSeries';
import { PrometheusClient } from '../connectors/flow/promClient';
import { parseDuration } from '../connectors/flow/promValues';
import { checkLabelName } from '../connectors/flow/promql';
import { optional } from '../connectors/optional';
import { ChaosFilter, DEFAULT_FLOW_QUERY, FlowQuery, ImpactQuery } from '../types';
import { computeRunImpact, DEFAULT_HOPS, impactWindows, neighbourhood } from './impact';
import { targetNodes } from './flowJoins';

export const DEFAULT_RATE_WINDOW_MS = 60_000;
/** Points per range query: enough to see a baseline's noise, far below the store's 11,000-point limit. */
const POINTS = 120;
/** Runs measured by one query when no run is named: each costs a flow query and a few range queries. */
export const MAX_RUNS = 10;

export interface ImpactResult {
  impacts: RunImpact[];
  notices: FlowNotice[];
  /** Store queries per run: the flow graph's and the per-node range queries. */
  storeQueries: number[];
}

export interface ImpactRequest {
  impact?: ImpactQuery;
  flows?: Partial<FlowQuery>;
  chaos?: ChaosFilter;
  /** Runs already loaded (the annotation query has them): no second call to the chaos backends. */
  runs?: ChaosRun[];
}

/**
 * The measured blast radius of the runs in the range: for each, the flow graph over its baseline
 * and run windows (who neighbours the targets), one range query per measure and side grouped by
 * node, and the owners from the catalog (optional: without them the table has no teams).
 */
export async function loadRunImpacts(ctx: QueryContext, req: ImpactRequest, now = Date.now()): Promise<ImpactResult> {
  const opts = req.impact ?? {};
  const flows: FlowQuery = { ...DEFAULT_FLOW_QUERY, ...req.flows, grouping: 'workload', compareWith: '' };
  const hops = opts.hops ?? DEFAULT_HOPS;
  if (!Number.isInteger(hops) || hops < 0 || hops > 5) {
    throw new InputError(`hops must be a whole number from 0 to 5, not ${String(opts.hops)}`, 'Impact query');
  }
  const rateWindowMs = durationOf(opts.rateWindow, 'rate window') ?? DEFAULT_RATE_WINDOW_MS;
  const baselineMs = durationOf(opts.baseline, 'baseline');
  const notices: FlowNotice[] = [];
  const loaded = req.runs ? { runs: req.runs, errors: [] } : await loadRuns(ctx, req.chaos);
  const runs = loaded.runs;
  loaded.errors.forEach((e) => notices.push({ severity: 'warning', text: `Chaos runs: ${e.message}` }));
  const runId = ctx.interpolate(opts.runId).trim();
  let chosen: ChaosRun[];
  if (runId) {
    chosen = runs.filter((r) => r.id === runId);
    if (chosen.length === 0) {
      throw new InputError(`no chaos run "${runId}" in the time range`, 'Impact query');
    }
  } else {
    chosen = [...runs].sort((a, b) => b.start - a.start).slice(0, MAX_RUNS);
    if (runs.length > MAX_RUNS) {
      notices.push({
        severity: 'info',
        text: `The ${MAX_RUNS} most recent of ${runs.length} runs are measured: pick one run for the others.`,
      });
    }
  }
  const services =
    flows.joinOwners === false
      ? []
      : ((await optional(notices, 'No owners from the catalog', () => loadServices(ctx))) ?? []);
  const client = PrometheusClient.fromSettings(ctx.settings, ctx.transport);
  const result: ImpactResult = { impacts: [], notices, storeQueries: [] };
  for (const run of chosen) {
    const w = impactWindows(run, now, baselineMs, 2 * rateWindowMs);
    const end = Math.min(now, w.to + rateWindowMs);
    const stepMs = Math.max(1000, Math.ceil((end - w.baselineFrom) / POINTS / 1000) * 1000);
    const flowCtx = { ...ctx, range: { from: w.baselineFrom, to: end } };
    const flow = await loadFlowGraph(flowCtx, flows);
    const targets = targetNodes(flow.graph, run);
    const titles = new Map(flow.graph.nodes.map((n) => [n.id, n.title ?? n.id]));
    const near = neighbourhood(
      flow.graph,
      targets.map((n) => n.id),
      hops
    );
    // Nothing to measure without a target on the map: no range queries at all.
    const series =
      targets.length === 0
        ? { times: [], nodes: new Map(), measures: [], queries: [] }
        : await loadNodeSeries(
            client,
            {
              only: [...near.keys()].map((id) => titles.get(id)!),
              preset: flows.preset,
              matchers: ctx.interpolate(flows.matchers),
              from: w.baselineFrom,
              to: end,
              stepMs,
              rateWindowMs,
              clusterLabel: checkLabelName(ctx.settings.flowClusterLabel, 'cluster label'),
            },
            notices,
            ctx.signal
          );
    result.storeQueries.push(flow.queries.length + series.queries.length);
    result.impacts.push(
      computeRunImpact({ run, runs, graph: flow.graph, series, services, windows: w, hops, rateWindowMs })
    );
  }
  return result;
}

function durationOf(text: string | undefined, what: string): number | undefined {
  const t = text?.trim();
  if (!t) {
    return undefined;
  }
  const ms = parseDuration(t);
  if (ms === undefined || ms <= 0) {
    throw new InputError(`the ${what} "${t}" is not a duration like 30s or 10m`, 'Impact query');
  }
  return ms;
}
