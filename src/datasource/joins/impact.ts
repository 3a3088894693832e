import { ChaosRun, FlowGraph, ImpactLevel, MeasuredChange, Ownership, RunImpact } from '../../model';
import type { NodeSeries, SeriesKey, Side } from '../connectors/flow/nodeSeries';
import { ownerMatcher, targetNodes } from './flowJoins';

export const DEFAULT_HOPS = 2;

/** The windows a run is measured over: the run itself (up to now while it goes on) and the baseline before it. */
export interface ImpactWindows {
  from: number;
  to: number;
  baselineFrom: number;
  baselineTo: number;
  running: boolean;
}

/**
 * The run's window and a baseline of the same length just before it (or `baselineMs` long). A
 * baseline is never shorter than `minBaselineMs`: a few rate windows are needed to see its noise.
 */
export function impactWindows(run: ChaosRun, now: number, baselineMs?: number, minBaselineMs = 0): ImpactWindows {
  const running = run.end === undefined || run.end > now;
  const to = running ? now : run.end!;
  const length = Math.max(baselineMs ?? to - run.start, minBaselineMs, 1);
  return { from: run.start, to, baselineFrom: run.start - length, baselineTo: run.start, running };
}

/** Targets at 0 and every node within `hops` flow edges of one, callers and callees alike. */
export function neighbourhood(graph: FlowGraph, targetIds: string[], hops: number): Map<string, number> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    list ? list.push(b) : adjacent.set(a, [b]);
  };
  for (const e of graph.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const dist = new Map(targetIds.map((id) => [id, 0]));
  let frontier = targetIds;
  for (let d = 1; d <= hops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (!dist.has(n)) {
          dist.set(n, d);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

// Minimum effect sizes: on a quiet baseline (no errors, steady latency) any change passes the
// noise band, and a change this small is not what a reader of the table is looking for.
export const MIN_ERROR_SHARE_RISE = 0.01;
export const MIN_LATENCY_RISE_S = 0.05;
export const MIN_LATENCY_RATIO = 1.25;
export const MAX_TRAFFIC_RATIO = 0.75;
const BROKEN_ERROR_SHARE = 0.5;
const BROKEN_TRAFFIC_RATIO = 0.1;
const NOISE_SIGMAS = 3;

interface Stats {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** Middle value: a sustained change, not one scrape caught by a busy machine. */
function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length === 0 ? NaN : v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

function stats(values: number[]): Stats | undefined {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) {
    return undefined;
  }
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return { mean, sd, min: Math.min(...v), max: Math.max(...v) };
}

/** Where each window's points are in the series: a rate at t covers (t - rateWindow, t]. */
function pointRanges(times: number[], w: ImpactWindows, rateWindowMs: number) {
  const base: number[] = [];
  const run: number[] = [];
  times.forEach((t, i) => {
    if (t >= w.baselineFrom && t <= w.baselineTo) {
      base.push(i);
    } else if (t > w.from && t <= w.to + rateWindowMs) {
      // Rates lag the fault by their window: points up to one window after the end still see it.
      run.push(i);
    }
  });
  return { base, run };
}

interface Judgement {
  impact: ImpactLevel;
  reasons: string[];
  errorShare?: MeasuredChange;
  latencyP95?: MeasuredChange;
  traffic?: MeasuredChange;
}

export const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
export const ms = (v: number) => `${Math.round(v * 1000)} ms`;
const WORSE: Record<ImpactLevel, number> = { unknown: 0, unaffected: 1, degraded: 2, broken: 3 };

/**
 * Judges one node from its series against the band the baseline itself moved in (its extremes,
 * widened to mean ± 3σ), plus a minimum effect size. Errors count at their peak during the run (a
 * failed request is a fact, however brief); latency and traffic at their median over the run, as a
 * p95 or a rate read from one scrape jumps whenever the machine is busy.
 */
export function judgeNode(series: NodeSeries, id: string, w: ImpactWindows, rateWindowMs: number): Judgement {
  const node = series.nodes.get(id);
  const { base, run } = pointRanges(series.times, w, rateWindowMs);
  const trafficMeasure = series.measures.includes('requests') ? 'requests' : 'bytes';
  const get = (side: Side, m: string) => node?.[`${side}:${m}` as SeriesKey];
  const hasBaseline = (side: Side) => base.some((i) => Number.isFinite(get(side, trafficMeasure)?.[i] ?? NaN));
  // What a service's callers see is its health; a node nobody calls (a client) is judged by its own calls.
  const side: Side | undefined = hasBaseline('server') ? 'server' : hasBaseline('client') ? 'client' : undefined;
  if (!side) {
    return { impact: 'unknown', reasons: ['no traffic in the baseline window: nothing to compare with'] };
  }
  const traffic = get(side, trafficMeasure)!;
  const errors = get(side, 'errors');
  const latency = get(side, 'latencyP95');
  const pick = (values: number[] | undefined, idx: number[]) => idx.map((i) => values?.[i] ?? NaN);
  // A failure counter appears with the first failure: no series next to a request rate means no errors.
  const share = (idx: number[]) =>
    idx.map((i) => (traffic[i] > 0 ? (Number.isFinite(errors?.[i] ?? NaN) ? errors![i] : 0) / traffic[i] : NaN));

  const out: Judgement = { impact: 'unaffected', reasons: [] };
  const raise = (level: ImpactLevel, reason: string) => {
    out.impact = WORSE[level] > WORSE[out.impact] ? level : out.impact;
    out.reasons.push(reason);
  };

  const bt = stats(pick(traffic, base))!;
  const rtValues = pick(traffic, run).filter(Number.isFinite);
  // A series that vanished during the run (a killed exporter, a workload gone) carried no traffic.
  const rt = rtValues.length > 0 ? median(rtValues) : run.length > 0 ? 0 : NaN;
  if (Number.isFinite(rt)) {
    const noise = Math.min(bt.min, bt.mean - NOISE_SIGMAS * bt.sd);
    out.traffic = { baseline: bt.mean, run: rt, noise };
    if (rt < noise && rt <= bt.mean * MAX_TRAFFIC_RATIO) {
      const level = rt <= bt.mean * BROKEN_TRAFFIC_RATIO ? 'broken' : 'degraded';
      raise(level, `traffic ${bt.mean.toPrecision(3)} → ${rt.toPrecision(3)} per second`);
    }
  }
  if (series.measures.includes('errors')) {
    const be = stats(share(base));
    const re = stats(share(run));
    if (be && re) {
      const noise = Math.max(be.max, be.mean + NOISE_SIGMAS * be.sd);
      out.errorShare = { baseline: be.mean, run: re.max, noise };
      if (re.max > noise && re.max - be.mean >= MIN_ERROR_SHARE_RISE) {
        raise(re.max >= BROKEN_ERROR_SHARE ? 'broken' : 'degraded', `error share ${pct(be.mean)} → ${pct(re.max)}`);
      }
    }
  }
  if (series.measures.includes('latencyP95')) {
    const bl = stats(pick(latency, base));
    const rl = median(pick(latency, run));
    if (bl && Number.isFinite(rl)) {
      const noise = Math.max(bl.max, bl.mean + NOISE_SIGMAS * bl.sd);
      out.latencyP95 = { baseline: bl.mean, run: rl, noise };
      if (rl > noise && rl >= bl.mean * MIN_LATENCY_RATIO && rl - bl.mean >= MIN_LATENCY_RISE_S) {
        raise('degraded', `p95 latency ${ms(bl.mean)} → ${ms(rl)}`);
      }
    }
  }
  if (run.length === 0) {
    return { ...out, impact: 'unknown', reasons: ['no points in the run window yet'] };
  }
  return out;
}

export interface ImpactInput {
  run: ChaosRun;
  /** Every run known in the range, to flag the ones overlapping this one on a target. */
  runs: ChaosRun[];
  graph: FlowGraph;
  series: NodeSeries;
  services: Ownership[];
  windows: ImpactWindows;
  hops: number;
  rateWindowMs: number;
}

/** The measured blast radius of one run: its targets and their neighbours, each judged, and the run's reach. */
export function computeRunImpact(input: ImpactInput): RunImpact {
  const { run, graph, series, windows: w } = input;
  const result: RunImpact = {
    runId: run.id,
    runName: run.name,
    source: run.source,
    from: w.from,
    to: w.to,
    baselineFrom: w.baselineFrom,
    baselineTo: w.baselineTo,
    running: w.running,
    reach: 'unknown',
    escaped: [],
    teams: [],
    services: [],
    notes: [],
    overlaps: overlappingRuns(run, input.runs),
  };
  if (w.running) {
    result.notes.push('the run is still going: measured so far');
  }
  if (result.overlaps.length > 0) {
    result.notes.push(`overlaps ${result.overlaps.join(', ')} on a target: their impacts mix`);
  }
  if (run.targets.length === 0) {
    result.notes.push('unknown: the run names no service');
    return result;
  }
  const targets = targetNodes(graph, run);
  const found = new Set(targets.map((n) => (n.title ?? n.id).toLowerCase()));
  const absent = run.targets.filter(
    (t) => !found.has(t.toLowerCase()) && !found.has(t.split('/').pop()!.toLowerCase())
  );
  if (absent.length > 0) {
    result.notes.push(`not in the flow graph of the run's window: ${absent.join(', ')}`);
  }
  if (targets.length === 0) {
    return result;
  }
  const { base } = pointRanges(series.times, w, input.rateWindowMs);
  const baselineHasData = [...series.nodes.values()].some((n) =>
    Object.values(n).some((values) => base.some((i) => Number.isFinite(values?.[i] ?? NaN)))
  );
  if (!baselineHasData) {
    result.notes.push('the baseline window has no data: nothing measured');
    return result;
  }
  const owner = ownerMatcher(input.services);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const dist = neighbourhood(
    graph,
    targets.map((n) => n.id),
    input.hops
  );
  for (const [id, hops] of dist) {
    const node = byId.get(id)!;
    const o = owner(node);
    const j = judgeNode(series, id, w, input.rateWindowMs);
    result.services.push({
      id,
      service: node.title ?? id,
      namespace: node.namespace,
      role: hops === 0 ? 'target' : 'neighbour',
      hops,
      ...j,
      trafficUnit: series.measures.includes('requests') ? 'req/s' : 'B/s',
      owner: o?.owner,
      team: o ? (o.team ?? o.owner) : undefined,
      onCall: o?.onCall ? { title: o.onCall.title, url: o.onCall.url } : undefined,
      catalogNamespace: o ? (o.namespace ?? 'default') : undefined,
    });
  }
  result.services.sort(
    (a, b) => a.hops - b.hops || WORSE[b.impact] - WORSE[a.impact] || a.service.localeCompare(b.service)
  );
  result.escaped = result.services.filter(
    (s) => s.role === 'neighbour' && (s.impact === 'degraded' || s.impact === 'broken')
  );
  result.teams = [...new Set(result.escaped.map((s) => s.team ?? 'no owner'))];
  const judged = result.services.some((s) => s.impact !== 'unknown');
  result.reach = result.escaped.length > 0 ? 'escaped' : judged ? 'contained' : 'unknown';
  return result;
}

function overlappingRuns(run: ChaosRun, runs: ChaosRun[]): string[] {
  const mine = new Set(run.targets.map((t) => t.toLowerCase()));
  return runs
    .filter(
      (r) =>
        r !== run &&
        !(r.source === run.source && r.id === run.id) &&
        r.start <= (run.end ?? Infinity) &&
        (r.end ?? Infinity) >= run.start &&
        r.targets.some((t) => mine.has(t.toLowerCase()))
    )
    .map((r) => r.name);
}

/** The reach in one line, for the run's annotation: "escaped: degraded checkout (team-checkout), …". */
export function reachText(impact: RunImpact): string {
  if (impact.reach === 'escaped') {
    const list = impact.escaped.map((s) => `${s.impact} ${s.service} (${s.team ?? 'no owner'})`).join(', ');
    return `escaped: ${list}`;
  }
  if (impact.reach === 'contained') {
    return 'contained: only the targets were impacted';
  }
  const why = impact.notes.find((n) => !n.startsWith('the run is still') && !n.startsWith('overlaps'));
  return why?.startsWith('unknown:') ? why : `reach unknown: ${why ?? 'nothing measured'}`;
}
