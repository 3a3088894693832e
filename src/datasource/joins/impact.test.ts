import { ChaosRun, FlowGraph, Ownership } from '../../model';
import type { NodeSeries, SeriesKey } from '../connectors/flow/nodeSeries';
import { computeRunImpact, impactWindows, judgeNode, neighbourhood, reachText } from './impact';

const STEP = 1000;
const RATE = 2000;
/** 60 points: baseline 0-29 s, run 30-44 s, a tail after. */
const TIMES = Array.from({ length: 60 }, (_, i) => i * STEP);
const RUN_START = 30_000;
const RUN_END = 44_000;

function run(over: Partial<ChaosRun> = {}): ChaosRun {
  return {
    source: 'chaostoolkit',
    id: 'r1',
    name: 'kill payments',
    kind: 'kill',
    targets: ['payments'],
    start: RUN_START,
    end: RUN_END,
    status: 'succeeded',
    labels: {},
    events: [],
    ...over,
  };
}

// user -> frontend -> checkout -> payments, checkout -> inventory; reports -> ledger has no path to payments.
const GRAPH: FlowGraph = {
  nodes: ['user', 'frontend', 'checkout', 'payments', 'inventory', 'reports', 'ledger'].map((id) => ({
    id,
    title: id,
  })),
  edges: [
    ['user', 'frontend'],
    ['frontend', 'checkout'],
    ['checkout', 'payments'],
    ['checkout', 'inventory'],
    ['reports', 'ledger'],
  ].map(([source, target]) => ({ source, target, requestRate: 1 })),
};

const inRun = (t: number) => t > RUN_START && t <= RUN_END;
/** A steady value with a small deterministic wobble, and `during` while the run goes on. */
const wave = (base: number, during: number | undefined, wobble = 0.02) =>
  TIMES.map((t, i) => (during !== undefined && inRun(t) ? during : base * (1 + wobble * Math.sin(i))));

function series(
  nodes: Record<string, Partial<Record<SeriesKey, number[]>>>,
  measures = ['requests', 'errors', 'latencyP95']
): NodeSeries {
  return {
    times: TIMES,
    nodes: new Map(Object.entries(nodes)),
    measures: measures as NodeSeries['measures'],
    queries: [],
  };
}

/** The demo's kill: payments fails every call, checkout passes the failures on, inventory carries on. */
const KILL = series({
  payments: { 'server:requests': wave(10, 10), 'server:errors': wave(0, 10, 0), 'server:latencyP95': wave(0.02, 0.02) },
  checkout: { 'server:requests': wave(10, 10), 'server:errors': wave(0, 3, 0), 'server:latencyP95': wave(0.06, 0.06) },
  frontend: { 'server:requests': wave(10, 10), 'server:errors': wave(0, 6, 0), 'server:latencyP95': wave(0.08, 0.08) },
  inventory: { 'server:requests': wave(20, undefined), 'server:latencyP95': wave(0.02, undefined) },
  user: { 'client:requests': wave(10, 10), 'client:errors': wave(0, 6, 0) },
  reports: { 'client:requests': wave(1, undefined) },
  ledger: { 'server:requests': wave(1, undefined) },
});

const OWNERS: Ownership[] = [
  ['frontend', 'team-storefront'],
  ['checkout', 'team-checkout'],
  ['payments', 'team-payments'],
  ['inventory', 'team-inventory'],
].map(([service, team]) => ({
  ref: `component:default/${service}`,
  service,
  owner: team,
  team,
  onCall: { title: `${team} on-call`, url: `https://pager.example/${team}` },
  contacts: [],
  links: [],
  tags: [],
  source: 'catalog-files',
  missing: [],
}));

function impactOf(r: ChaosRun, s = KILL, hops = 2, runs: ChaosRun[] = [r], now = 100_000) {
  const windows = impactWindows(r, now);
  return computeRunImpact({
    run: r,
    runs,
    graph: GRAPH,
    series: s,
    services: OWNERS,
    windows,
    hops,
    rateWindowMs: RATE,
  });
}

const byName = (i: ReturnType<typeof impactOf>, name: string) => i.services.find((s) => s.service === name);

describe('impactWindows', () => {
  it('takes a baseline as long as the run just before it, and a running run up to now', () => {
    expect(impactWindows(run(), 100_000)).toEqual({
      from: 30_000,
      to: 44_000,
      baselineFrom: 16_000,
      baselineTo: 30_000,
      running: false,
    });
    expect(impactWindows(run({ end: undefined }), 40_000)).toMatchObject({
      to: 40_000,
      baselineFrom: 20_000,
      running: true,
    });
    expect(impactWindows(run(), 100_000, 20_000)).toMatchObject({ baselineFrom: 10_000 });
    expect(impactWindows(run(), 100_000, undefined, 25_000)).toMatchObject({ baselineFrom: 5_000 });
  });
});

describe('neighbourhood', () => {
  it('counts hops over callers and callees alike, up to the limit', () => {
    expect(Object.fromEntries(neighbourhood(GRAPH, ['payments'], 2))).toEqual({
      payments: 0,
      checkout: 1,
      frontend: 2,
      inventory: 2,
    });
    expect([...neighbourhood(GRAPH, ['payments'], 1).keys()]).toEqual(['payments', 'checkout']);
    expect([...neighbourhood(GRAPH, ['payments'], 0).keys()]).toEqual(['payments']);
  });
});

describe('computeRunImpact', () => {
  it('a kill: the target and its callers are broken or degraded, a sibling is unaffected, the run escaped', () => {
    const i = impactOf(run());
    expect(byName(i, 'payments')).toMatchObject({ role: 'target', hops: 0, impact: 'broken' });
    expect(byName(i, 'checkout')).toMatchObject({
      role: 'neighbour',
      hops: 1,
      impact: 'degraded',
      team: 'team-checkout',
    });
    expect(byName(i, 'frontend')).toMatchObject({ hops: 2, impact: 'broken', team: 'team-storefront' });
    expect(byName(i, 'frontend')?.onCall).toEqual({
      title: 'team-storefront on-call',
      url: 'https://pager.example/team-storefront',
    });
    expect(byName(i, 'inventory')?.impact).toBe('unaffected');
    // Three hops away, and no path at all: not measured.
    expect(byName(i, 'user')).toBeUndefined();
    expect(byName(i, 'reports')).toBeUndefined();
    expect(i.reach).toBe('escaped');
    expect(i.escaped.map((s) => s.service)).toEqual(['checkout', 'frontend']);
    expect(i.teams).toEqual(['team-checkout', 'team-storefront']);
    expect(byName(i, 'checkout')?.reasons).toEqual(['error share 0.0% → 30.0%']);
    expect(reachText(i)).toBe('escaped: degraded checkout (team-checkout), broken frontend (team-storefront)');
  });

  it('a change within the baseline’s own noise is no impact', () => {
    // checkout's error share swings between 0% and 20% before the run; 15% during it is more of the same.
    const noisy = TIMES.map((t, i) => (inRun(t) ? 1.5 : i % 2 ? 2 : 0));
    const s = series({
      ...Object.fromEntries(KILL.nodes),
      checkout: { 'server:requests': wave(10, 10), 'server:errors': noisy },
    });
    expect(byName(impactOf(run(), s), 'checkout')?.impact).toBe('unaffected');
  });

  it('latency: a rise beyond the noise and the minimum effect degrades, a small one does not', () => {
    const lat = (during: number) =>
      series({ payments: { 'server:requests': wave(10, 10), 'server:latencyP95': wave(0.05, during) } }, [
        'requests',
        'latencyP95',
      ]);
    expect(byName(impactOf(run(), lat(0.5)), 'payments')).toMatchObject({
      impact: 'degraded',
      reasons: ['p95 latency 50 ms → 500 ms'],
    });
    // +30 ms is past the baseline's wobble but under the 50 ms a reader would care about.
    expect(byName(impactOf(run(), lat(0.08)), 'payments')?.impact).toBe('unaffected');
    const contained = impactOf(run(), lat(0.5));
    expect(contained.reach).toBe('contained');
    expect(reachText(contained)).toBe('contained: only the targets were impacted');
  });

  it('traffic: a caller whose series vanished during the run carried none: broken', () => {
    const s = series({ payments: { 'server:bytes': TIMES.map((t) => (inRun(t) || t > RUN_END ? NaN : 1000)) } }, [
      'bytes',
    ]);
    const p = byName(impactOf(run(), s), 'payments');
    expect(p).toMatchObject({ impact: 'broken', trafficUnit: 'B/s' });
    expect(p?.traffic).toMatchObject({ baseline: 1000, run: 0 });
  });

  it('a run that names no service: unknown, not an error', () => {
    const i = impactOf(run({ targets: [] }));
    expect(i.reach).toBe('unknown');
    expect(i.services).toEqual([]);
    expect(reachText(i)).toBe('unknown: the run names no service');
  });

  it('targets not in the flow graph are named; the others are still measured', () => {
    const i = impactOf(run({ targets: ['payments', 'billing'] }));
    expect(i.notes).toContain("not in the flow graph of the run's window: billing");
    expect(byName(i, 'payments')?.impact).toBe('broken');
    const none = impactOf(run({ targets: ['billing'] }));
    expect(none.reach).toBe('unknown');
    expect(reachText(none)).toBe("reach unknown: not in the flow graph of the run's window: billing");
  });

  it('a baseline window with no data: says so and measures nothing', () => {
    const empty = series({ payments: { 'server:requests': TIMES.map((t) => (t > RUN_START ? 10 : NaN)) } });
    const i = impactOf(run(), empty);
    expect(i.services).toEqual([]);
    expect(i.notes).toEqual(['the baseline window has no data: nothing measured']);
    expect(i.reach).toBe('unknown');
  });

  it('overlapping runs on a target are each measured and flagged', () => {
    const a = run();
    const b = run({ id: 'r2', name: 'latency on payments', start: 40_000, end: 50_000 });
    const c = run({ id: 'r3', name: 'elsewhere', targets: ['ledger'] });
    const runs = [a, b, c];
    expect(impactOf(a, KILL, 2, runs).overlaps).toEqual(['latency on payments']);
    expect(impactOf(b, KILL, 2, runs).overlaps).toEqual(['kill payments']);
    expect(impactOf(a, KILL, 2, runs).notes).toContain('overlaps latency on payments on a target: their impacts mix');
    expect(impactOf(c, KILL, 2, runs).overlaps).toEqual([]);
  });

  it('a run still going is measured so far and marked', () => {
    const i = impactOf(run({ end: undefined, status: 'running' }), KILL, 2, undefined, 40_000);
    expect(i.running).toBe(true);
    expect(i.to).toBe(40_000);
    expect(i.notes).toContain('the run is still going: measured so far');
    expect(byName(i, 'payments')?.impact).toBe('broken');
  });
});

describe('judgeNode', () => {
  it('a node without traffic in the baseline is unknown, with the reason', () => {
    const w = impactWindows(run(), 100_000);
    expect(judgeNode(KILL, 'nowhere', w, RATE)).toEqual({
      impact: 'unknown',
      reasons: ['no traffic in the baseline window: nothing to compare with'],
    });
  });
});
