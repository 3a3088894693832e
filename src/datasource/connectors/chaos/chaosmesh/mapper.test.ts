import { ChaosRun } from '../../../../model/chaos';
import { fixture } from '../fixtures/load';
import { annotationText } from '../frames';
import { timelineFrame } from '../timeline';
import { mapChaosMesh, NO_END } from './mapper';
import { CmPayload } from './types';

const payload = (): CmPayload => ({
  events: fixture('chaosmesh/events.json'),
  experiments: fixture('chaosmesh/experiments.json'),
  archives: fixture('chaosmesh/archives.json'),
  workflows: fixture('chaosmesh/workflows.json'),
});
const BASE = 'http://chaos.example:2333/';
const byName = (runs: ChaosRun[]) => Object.fromEntries(runs.map((r) => [r.name, r]));
const at = (iso: string) => Date.parse(iso);

describe('mapChaosMesh on the contract fixtures', () => {
  const runs = byName(mapChaosMesh(payload(), BASE));

  it('makes one run per experiment, archive and workflow, and none for schedules', () => {
    expect(Object.keys(runs).sort()).toEqual([
      'checkout-delay',
      'checkout-serial',
      'frontend-kill',
      'inventory-cpu',
      'old-dns-error',
      'payments-partition',
      'payments-pod-kill',
      'shipping-io',
      'weekly-gameday',
    ]);
  });

  it('derives start and end from Applied → TimeUp/Recovered, across timestamp offsets', () => {
    const r = runs['checkout-delay'];
    expect(r.start).toBe(at('2026-11-26T09:00:03Z'));
    expect(r.end).toBe(at('2026-11-26T09:10:04.2Z'));
    expect(r.status).toBe('succeeded');
    expect(r.targets).toEqual(['shop/checkout-5c9d7f6b8-abcde', 'shop/checkout-5c9d7f6b8-fghij']);
    expect(r.url).toBe('http://chaos.example:2333/experiments/6f0c1c2e-0002-4e4e-9d2b-1a2b3c4d5e02');
    expect(r.events.map((e) => e.reason)).toEqual([
      'FinalizerInited',
      'Updated',
      'Applied',
      'Applied',
      'TimeUp',
      'Recovered',
      'Recovered',
    ]);
  });

  it('leaves a running experiment open', () => {
    expect(runs['payments-pod-kill']).toMatchObject({
      status: 'running',
      end: undefined,
      start: at('2026-11-26T10:00:01Z'),
    });
  });

  it('ends a paused experiment when it was paused', () => {
    expect(runs['inventory-cpu']).toMatchObject({
      status: 'paused',
      end: at('2026-11-26T09:45:00Z'),
      targets: ['shop/inventory-0'],
    });
  });

  it('marks a failed injection failed, ends it at the failure, and keeps the unknown reason as an event', () => {
    const r = runs['shipping-io'];
    expect(r).toMatchObject({ status: 'failed', start: at('2026-11-26T09:40:00Z'), end: at('2026-11-26T09:40:01Z') });
    expect(r.events.find((e) => e.reason === 'Failed')?.level).toBe('error');
    expect(r.events.some((e) => e.reason === 'SomethingFromAFutureVersion')).toBe(true);
  });

  it('reads archived runs, links to the archive page with the kind, and tells stopped from finished', () => {
    expect(runs['frontend-kill']).toMatchObject({
      status: 'succeeded',
      start: at('2026-11-26T08:00:01Z'),
      end: at('2026-11-26T08:06:00Z'),
      url: 'http://chaos.example:2333/archives/6f0c1c2e-0011-4e4e-9d2b-1a2b3c4d5e11?kind=PodChaos',
      labels: { archived: 'true' },
    });
    expect(runs['payments-partition']).toMatchObject({ status: 'aborted', end: at('2026-11-26T08:31:05Z') });
    expect(runs['old-dns-error']).toMatchObject({
      status: 'unknown',
      end: at('2026-11-20T08:30:00Z'),
      start: at('2026-11-20T08:30:00Z'),
    });
  });

  it('maps workflows with their end time, ignoring Go zero times', () => {
    expect(runs['weekly-gameday']).toMatchObject({
      kind: 'Workflow',
      status: 'succeeded',
      end: at('2026-11-26T07:20:00Z'),
    });
    expect(runs['weekly-gameday'].events).toHaveLength(1);
    expect(runs['checkout-serial']).toMatchObject({ status: 'running', end: undefined });
  });

  it('counts an event listed twice once', () => {
    const all = mapChaosMesh(payload(), BASE).flatMap((r) => r.events);
    expect(all).toHaveLength(payload().events.length - 1 - 2);
  });
});

describe('mapChaosMesh on bad input', () => {
  const empty: CmPayload = { events: [], experiments: [], archives: [], workflows: [] };
  const ev = (id: number, reason: string, created_at: string) => ({
    id,
    object_id: 'u1',
    name: 'x',
    namespace: 'n',
    kind: 'PodChaos',
    type: 'Normal',
    reason,
    created_at,
  });

  it('keeps a live experiment open when its last lifecycle event is a new injection, whatever came before', () => {
    const experiments = [
      { uid: 'u1', kind: 'PodChaos', namespace: 'n', name: 'x', created_at: '2026-11-26T08:00:00Z', status: 'running' },
    ];
    const events = [
      ev(2, 'Recovered', '2026-11-26T10:00:00Z'),
      ev(1, 'Applied', '2026-11-26T10:05:00Z'),
      ev(3, 'Deleted', '2026-11-26T09:00:00Z'),
    ];
    const [r] = mapChaosMesh({ ...empty, experiments, events }, undefined);
    expect(r).toMatchObject({ start: at('2026-11-26T10:05:00Z'), end: undefined, status: 'running' });
  });

  it('reads fields of the wrong JSON type as text or drops them, and knows no status named like an Object member', () => {
    const experiments = [
      {
        uid: 17,
        kind: 'PodChaos',
        namespace: true,
        name: 42,
        created_at: '2026-11-26T08:00:00Z',
        status: 'constructor',
      },
    ];
    const workflows = [{ uid: 'w1', name: ['x'], created_at: '2026-11-26T08:00:00Z', status: '__proto__' }];
    const [r, w] = mapChaosMesh({ ...empty, experiments, workflows }, undefined);
    expect(r).toMatchObject({ id: '17', name: '42', namespace: undefined, status: 'unknown' });
    expect(w).toMatchObject({ id: 'w1', name: 'w1', status: 'unknown' });
  });

  it('ends an archived run without an end event at its last event, status unknown', () => {
    const archives = [{ uid: 'u1', kind: 'PodChaos', namespace: 'n', name: 'x', created_at: '2026-11-26T10:00:00Z' }];
    const [r] = mapChaosMesh(
      {
        ...empty,
        archives,
        events: [ev(1, 'Applied', '2026-11-26T10:00:00Z'), ev(2, 'Updated', '2026-11-26T10:01:00Z')],
      },
      undefined
    );
    expect(r).toMatchObject({ start: at('2026-11-26T10:00:00Z'), end: at('2026-11-26T10:01:00Z'), status: 'unknown' });
  });

  it('clamps an end before the start to the start', () => {
    const archives = [{ uid: 'u1', kind: 'PodChaos', namespace: 'n', name: 'x', created_at: '2026-11-26T10:00:00Z' }];
    const [r] = mapChaosMesh({ ...empty, archives, events: [ev(1, 'Recovered', '2026-11-26T09:00:00Z')] }, undefined);
    expect(r).toMatchObject({
      start: at('2026-11-26T10:00:00Z'),
      end: at('2026-11-26T10:00:00Z'),
      status: 'succeeded',
    });
  });

  it('skips events without a time or an object, and links nothing without a base URL', () => {
    const runs = mapChaosMesh(
      {
        ...empty,
        events: [ev(1, 'Applied', 'not a time'), { ...ev(2, 'Applied', '2026-11-26T10:00:00Z'), object_id: '' }],
      },
      undefined
    );
    expect(runs).toEqual([]);
  });

  it('never links to a javascript: base URL', () => {
    const [r] = mapChaosMesh({ ...empty, events: [ev(1, 'Applied', '2026-11-26T10:00:00Z')] }, 'javascript:alert(1)//');
    expect(r.url).toBeUndefined();
  });

  it('reads one run across seconds, milliseconds, naive ISO and RFC3339 offsets', () => {
    const t = Date.UTC(2026, 10, 26, 10);
    const events = [
      { ...ev(1, 'Applied', '2026-11-26T10:00:00'), created_at: '2026-11-26T10:00:00' },
      { ...ev(2, 'Applied', ''), created_at: String((t + 1000) / 1000) },
      { ...ev(3, 'Recovered', ''), created_at: String(t + 60_000) },
      { ...ev(4, 'TimeUp', '2026-11-26T19:01:30+09:00') },
    ];
    const [r] = mapChaosMesh({ ...empty, events }, undefined);
    expect(r.events.map((e) => e.time)).toEqual([t, t + 1000, t + 60_000, t + 90_000]);
    expect(r).toMatchObject({ start: t, end: t + 90_000, status: 'succeeded' });
  });

  it('maps 50,000 events of 5,000 experiments, each with its own start and end', () => {
    const t = Date.UTC(2026, 10, 26);
    const events = Array.from({ length: 50_000 }, (_, i) => {
      const exp = Math.floor(i / 10);
      const reason = ['Applied', 'Recovered'][i % 10 < 5 ? 0 : 1];
      return {
        id: i + 1,
        object_id: `u${exp}`,
        name: `e${exp}`,
        namespace: 'n',
        kind: 'PodChaos',
        type: 'Normal',
        reason,
        created_at: new Date(t + exp * 60_000 + (i % 10) * 1000).toISOString(),
      };
    });
    const runs = mapChaosMesh({ ...empty, events: events.reverse() }, undefined);
    expect(runs).toHaveLength(5000);
    const r = runs.find((x) => x.id === 'u4321')!;
    expect(r).toMatchObject({ start: t + 4321 * 60_000, end: t + 4321 * 60_000 + 9000, status: 'succeeded' });
    expect(runs.every((x) => x.end! - x.start === 9000 && x.events.length === 10)).toBe(true);
  });
});

describe('a Chaos Mesh run without an end event (fixture chaosmesh/events-no-end.json)', () => {
  const empty: CmPayload = { events: [], experiments: [], archives: [], workflows: [] };
  const [run] = mapChaosMesh({ ...empty, events: fixture('chaosmesh/events-no-end.json') }, BASE);

  it('stays open when its last event is an injection, neither listed live nor archived, and says it has no end event', () => {
    expect(run).toMatchObject({
      name: 'cart-network-delay',
      start: at('2026-11-26T03:00:01Z'),
      end: undefined,
      status: 'running',
      remarks: [NO_END],
    });
    expect(annotationText(run)).toContain('no end event');
  });

  it('shows its pause in the text and as a paused stretch of its timeline row', () => {
    expect(annotationText(run)).toContain('paused at 2026-11-26T03:10:00.000Z');
    const from = at('2026-11-26T03:00:00Z');
    const { frame } = timelineFrame([run], { from, to: at('2026-11-26T03:30:00Z') }, at('2026-11-26T03:30:00Z'));
    const times = frame.fields[0].values as number[];
    const states = frame.fields[1].values;
    const stateAt = (iso: string) => states[times.filter((t) => t <= at(iso)).length - 1];
    expect(stateAt('2026-11-26T03:05:00Z')).toBe('running');
    expect(stateAt('2026-11-26T03:15:00Z')).toBe('paused');
    expect(stateAt('2026-11-26T03:25:00Z')).toBe('running');
  });
});
