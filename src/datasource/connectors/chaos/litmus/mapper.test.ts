import { ChaosRun } from '../../../../model/chaos';
import { fixture } from '../fixtures/load';
import { itUpstream, upstreamText } from '../../../../../tests/support/upstreamSamples';
import { mapLitmusRun, targetsOf } from './mapper';
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
      targets: ['payments'],
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

  it('maps a stopped run to aborted', () => {
    expect(mapped['run-stopped-5']).toMatchObject({ status: 'aborted', verdict: { outcome: 'deviated' } });
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
