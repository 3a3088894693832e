import { ChaosRun } from '../../../../model/chaos';
import { fixture } from '../fixtures/load';
import { itUpstream, upstreamText } from '../../../../../tests/support/upstreamSamples';
import { litmusBackend } from '.';
import { LoadContext } from '../backend';
import { annotationFrame, experimentsFrame } from '../frames';
import { outcomeOf } from '../../../../model/outcome';
import { enginesOf } from './engines';
import { mapLitmusRun, mapLitmusRuns, targetsOf } from './mapper';
import { LitmusListResponse, LitmusRun } from './types';

const runsOf = (file: string) =>
  (fixture<LitmusListResponse>(file).data?.listExperimentRun?.experimentRuns ?? []).filter(
    (r): r is LitmusRun => r !== null
  );
const all = [...runsOf('litmus/list-page-0.json'), ...runsOf('litmus/list-page-1.json')];
const mapped = Object.fromEntries(
  all
    .map((r) => mapLitmusRun(r, 'https://litmus.example/'))
    .filter((r): r is ChaosRun => !!r)
    .map((r) => [r.id, r])
);
const at = (iso: string) => Date.parse(iso);

describe('mapLitmusRun on the contract fixtures', () => {
  it('maps a completed run: times from executionData in seconds, verdict from the score, link to the run', () => {
    expect(mapped['run-completed-1']).toMatchObject({
      source: 'litmus',
      name: 'payments-pod-delete',
      kind: 'pod-delete',
      namespace: 'shop',
      targets: ['shop/payments'],
      start: at('2026-11-26T09:00:05Z'),
      end: at('2026-11-26T09:05:50Z'),
      status: 'succeeded',
      verdict: { outcome: 'passed', detail: 'resiliency score 100%' },
      url: 'https://litmus.example/experiments/exp-payments/runs/run-completed-1',
      labels: { infra: 'shop-cluster', type: 'Experiment', context: 'payments-gameday' },
    });
    expect(mapped['run-completed-1'].events.map((e) => e.reason)).toEqual(['FaultStarted', 'Succeeded']);
  });

  it('keeps a running run open and reads the older chaosData keys', () => {
    expect(mapped['run-running-2']).toMatchObject({
      status: 'running',
      end: undefined,
      kind: 'pod-network-latency',
      labels: { context: 'checkout' },
    });
    expect(mapped['run-running-2'].verdict).toEqual({ outcome: 'unknown', detail: 'fault verdicts: Awaited' });
  });

  it('marks Completed_With_Error failed and deviated, with the failing fault as an error event', () => {
    const r = mapped['run-failed-3'];
    expect(r).toMatchObject({ status: 'failed', verdict: { outcome: 'deviated', detail: 'resiliency score 50%' } });
    expect(r.events.find((e) => e.level === 'error')?.message).toBe('pod-cpu-hog: verdict Fail');
  });

  it('maps an unknown phase to unknown and survives executionData that is not JSON', () => {
    expect(mapped['run-unknown-4']).toMatchObject({
      status: 'unknown',
      start: at('2026-11-26T07:00:00Z'),
      end: at('2026-11-26T07:30:00Z'),
      events: [],
      kind: 'LitmusExperiment',
    });
  });

  it('maps a stopped run to aborted, its score of 0 not read as a deviation', () => {
    expect(mapped['run-stopped-5']).toMatchObject({
      status: 'aborted',
      verdict: { outcome: 'unknown', detail: 'stopped before the end; resiliency score 0% so far' },
    });
    expect(outcomeOf(mapped['run-stopped-5'])).toBe('aborted');
  });

  it('drops a run without an id or any time', () => {
    expect(mapLitmusRun({ experimentName: 'x', phase: 'Completed' }, undefined)).toBeUndefined();
  });
});

describe('Litmus targets from real upstream manifests', () => {
  const sample = (name: string) => upstreamText(`litmus/${name}`);

  itUpstream('reads applabel from the Argo workflow manifest used by ChaosCenter tests', () => {
    expect(
      targetsOf(sample('chaoscenter__graphql__server__pkg__chaos_experiment__model__mocks__workflow.yaml'))
    ).toEqual(['podtato-main']);
  });

  itUpstream('reads applabel from a ChaosEngine manifest', () => {
    expect(
      targetsOf(sample('chaoscenter__graphql__server__pkg__chaos_experiment__model__mocks__chaos_engine.yaml'))
    ).toEqual(['nginx']);
  });

  it('reads applabel escaped inside a JSON manifest', () => {
    expect(targetsOf(JSON.stringify({ raw: { data: "appinfo:\n  applabel: 'app=payments'\n" } }))).toEqual([
      'payments',
    ]);
  });
});

describe('Litmus targets and states (fixture litmus/targets-and-states.json)', () => {
  const runs = runsOf('litmus/targets-and-states.json');
  const byId = Object.fromEntries(
    runs
      .map((r) => mapLitmusRun(r, 'https://litmus.example'))
      .filter((r): r is ChaosRun => !!r)
      .map((r) => [r.id, r])
  );
  const T = Date.UTC(2026, 10, 26, 12);

  itUpstream('reads the targets of every fault node from the engine it ran, with the app namespace, under both chaosData key styles', () => {
    expect(byId['run-targets-6'].targets).toEqual(['shop/cart', 'orders/orders']);
    expect(byId['run-targets-6'].labels.context).toBe('gameday');
  });

  itUpstream('reads app label and namespace written into chaosData, in either spelling', () => {
    const exec = (chaosData: Record<string, string>) =>
      JSON.stringify({
        startedAt: '1795690800',
        nodes: { a: { name: 'x', type: 'ChaosEngine', startedAt: '1795690800', chaosData } },
      });
    const run = (chaosData: Record<string, string>) =>
      mapLitmusRun(
        { experimentRunID: 'r', phase: 'Completed', createdAt: '1795690800000', executionData: exec(chaosData) },
        undefined
      );
    expect(run({ engineName: 'e', appLabel: 'app=cart', appNamespace: 'shop' })?.targets).toEqual(['shop/cart']);
    expect(run({ engineName: 'e', app_label: 'app=cart', app_namespace: 'shop' })?.targets).toEqual(['shop/cart']);
    expect(run({ engineName: 'e', app_label: 'cart' })?.targets).toEqual(['cart']);
  });

  itUpstream('keeps a Queued run pending: no end, no region, no duration growing with the clock', () => {
    const q = byId['run-queued-7'];
    expect(q).toMatchObject({ status: 'pending', end: undefined });
    expect(annotationFrame([q], T, T).length).toBe(0);
    const duration = experimentsFrame([q], T, T + 3_600_000).fields.find((f) => f.name === 'duration')!.values;
    expect(duration).toEqual([null]);
  });

  itUpstream('shows a Terminated run as aborted whatever its resiliency score', () => {
    expect(byId['run-terminated-8']).toMatchObject({ status: 'aborted', end: Date.parse('2026-11-26T13:02:00Z') });
    expect(outcomeOf(byId['run-terminated-8'])).toBe('aborted');
  });

  itUpstream('maps a run whose executionData is cut without node detail and names it', () => {
    expect(byId['run-cut-9']).toMatchObject({ events: [], start: Date.parse('2026-11-26T14:00:00Z') });
    expect(mapLitmusRuns(runs, undefined).unreadable).toEqual(['shop-gameday (run-cut-9)']);
  });

  itUpstream('turns unreadable runs into one warning of the backend, the runs still loaded', async () => {
    const body = fixture<LitmusListResponse>('litmus/targets-and-states.json');
    const ctx: LoadContext = {
      settings: { litmusUrl: 'http://litmus.example', litmusProjectId: 'p1' },
      transport: async () => ({ status: 200, text: JSON.stringify(body), headers: {} }),
      range: { from: 0, to: 1 },
    };
    const result = await litmusBackend.load(ctx);
    expect(result.runs).toHaveLength(4);
    expect(result.warnings?.map((w) => w.message)).toEqual([
      'LitmusChaos: the executionData of 1 run(s) is not valid JSON, so they show without their fault nodes: shop-gameday (run-cut-9)',
    ]);
  });
});

describe('enginesOf on the real ChaosCenter workflow mock', () => {
  itUpstream('finds the engine, its template and appinfo, with workflow parameters replaced', () => {
    const text = upstreamText(
      'litmus/chaoscenter__graphql__server__pkg__chaos_experiment__model__mocks__workflow.yaml'
    );
    expect(enginesOf(text)).toEqual([
      { template: 'pod-delete', name: 'podtato-main-pod-delete-chaos', namespace: 'litmus', label: 'podtato-main' },
    ]);
  });
});
