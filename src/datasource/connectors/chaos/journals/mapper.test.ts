import { ChaosRun } from '../../../../model/chaos';
import { fixture, upstream } from '../fixtures/load';
import { eachUpstream, itUpstream } from '../../../../../tests/support/upstreamSamples';
import { mapJournal } from './mapper';
import { CtkJournal } from './types';

const map = (j: CtkJournal, id = 'j') => mapJournal(j, id, `http://runner.example${id}`) as ChaosRun;

describe('mapJournal on real journals from upstream-samples', () => {
  itUpstream('chaoslib 1.44 failed + deviated, tz-aware timestamps, before/after/during', () => {
    const r = map(upstream('chaostoolkit/Ferkhan__chaos-toolkit__journal.json'), '/ferkhan.json');
    expect(r).toMatchObject({
      source: 'chaostoolkit',
      name: 'What happens if a backend service crashes?',
      kind: 'kill-backend-service',
      status: 'failed',
      start: Date.parse('2026-01-16T16:51:52.591Z'),
      end: Date.parse('2026-01-16T16:52:03.270Z'),
      verdict: { outcome: 'deviated', detail: 'steady state not met after the method' },
      labels: { availability: 'true', resilience: 'true' },
      url: 'http://runner.example/ferkhan.json',
    });
    expect(r.events[0].reason).toBe('steady state before: service-is-running');
    expect(r.events.some((e) => e.reason === 'probe: wait-for-recovery' && e.level === 'error')).toBe(true);
    expect(r.events.map((e) => e.time)).toEqual([...r.events.map((e) => e.time)].sort((a, b) => a - b));
  });

  itUpstream('chaoslib 1.9 naive timestamps are UTC and a missing "during" is fine', () => {
    const r = map(upstream('chaostoolkit/MDRCS__chaos-engineering__journal.json'));
    expect(r.start).toBe(Date.UTC(2020, 5, 5, 9, 13, 58, 85));
    expect(r.end).toBe(Date.UTC(2020, 5, 5, 9, 13, 58, 373));
    expect(r).toMatchObject({ status: 'failed', verdict: { outcome: 'deviated' }, kind: 'terminate-frontend-service' });
  });

  eachUpstream([
    ['chaostoolkit/Fault-tolerant-computing__experimento__journal.json', 'terminate-boardsService-pod'],
    ['chaostoolkit/Lfmpaes__chaos-experiment__journal.json', 'parar_container_redis'],
  ])('%s completed without deviation is passed', (file, kind) => {
    const r = map(upstream(file));
    expect(r).toMatchObject({
      status: 'succeeded',
      verdict: { outcome: 'passed', detail: 'steady state met before and after' },
      kind,
    });
    expect(r.end).toBeGreaterThan(r.start);
  });
});

describe('mapJournal and the Faultline tag convention', () => {
  it('reads service:, kind:, namespace: and key:value tags', () => {
    const r = map(fixture('journals/payments-latency-deviated.json'));
    expect(r).toMatchObject({
      targets: ['payments'],
      kind: 'latency',
      namespace: 'demo',
      labels: { team: 'payments', env: 'demo', faultline: 'true' },
      status: 'succeeded',
      verdict: { outcome: 'deviated' },
    });
    expect(r.events.map((e) => e.reason)).toEqual([
      'steady state before: payments-p95-under-300ms',
      'action: inject-latency-800ms',
      'steady state after: payments-p95-under-300ms',
      'rollback: remove-latency',
    ]);
    expect(r.events[2]).toMatchObject({ level: 'warning', message: 'tolerance not met' });
  });

  it('keeps a journal without end or status open as running, target: tags included', () => {
    expect(map(fixture('journals/checkout-kill-running.json'))).toMatchObject({
      status: 'running',
      end: undefined,
      targets: ['checkout'],
      verdict: undefined,
    });
  });

  it('handles missing pieces: no start is no run, unknown status, end from duration, end before start', () => {
    expect(mapJournal({ status: 'completed' }, 'x', undefined)).toBeUndefined();
    expect(map({ start: '2026-11-26T10:00:00', status: 'exploded' })).toMatchObject({
      status: 'unknown',
      name: 'j',
      kind: 'experiment',
    });
    expect(map({ start: '2026-11-26T10:00:00', status: 'aborted', duration: 2.5 }).end).toBe(
      Date.UTC(2026, 10, 26, 10, 0, 2, 500)
    );
    expect(map({ start: '2026-11-26T10:00:00', end: '2026-11-26T09:00:00', status: 'completed' }).end).toBe(
      Date.UTC(2026, 10, 26, 10)
    );
    expect(mapJournal({ start: '2026-11-26T10:00:00' }, 'x', 'javascript:alert(1)')?.url).toBeUndefined();
  });
});

describe('mapJournal on what chaostoolkit 1.21.4 / chaoslib 1.45.1 write', () => {
  const base = { start: '2026-12-01T10:00:00.000000+00:00', end: '2026-12-01T10:00:08.000000+00:00', deviated: false };

  it('a run stopped by a signal proved nothing: no "passed" verdict, and the signal is an event', () => {
    const r = map({
      ...base,
      status: 'interrupted',
      steady_states: { before: { steady_state_met: true, probes: [] }, after: null, during: [] },
      interruption: { kind: 'signal', name: 'SIGTERM', reason: 'received SIGTERM' },
    });
    expect(r.status).toBe('aborted');
    expect(r.verdict).toEqual({ outcome: 'unknown', detail: 'interrupted (received SIGTERM) before the steady state was checked after the method' });
    expect(r.events.at(-1)).toEqual({ time: Date.parse(base.end), reason: 'interrupted', message: 'received SIGTERM', level: 'warning' });
  });

  it('a probe that raised says why, from the last line of its exception', () => {
    const r = map({
      ...base,
      status: 'failed',
      steady_states: {
        before: {
          steady_state_met: false,
          probes: [
            {
              activity: { type: 'probe', name: 'slow' },
              start: base.start,
              status: 'failed',
              exception: ['Traceback (most recent call last):\n', '  File "x.py", line 1\n', 'chaoslib.exceptions.ActivityFailed: activity took too long to complete\n'],
            },
          ],
        },
        after: null,
        during: [],
      },
    });
    expect(r.events[0]).toMatchObject({ level: 'error', message: 'failed: chaoslib.exceptions.ActivityFailed: activity took too long to complete' });
    expect(r.verdict?.outcome).toBe('unknown');
  });
});

