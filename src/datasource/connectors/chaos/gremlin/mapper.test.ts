import { ChaosRun } from '../../../../model/chaos';
import { fixture } from '../fixtures/load';
import { gremlinStatus, mapGremlinTask } from './mapper';
import { GremlinPage, GremlinTask } from './types';

const tasks = ['gremlin/range-page-1.json', 'gremlin/range-page-2.json', 'gremlin/range-page-3.json']
  .flatMap((f) => fixture<GremlinPage>(f).items ?? [])
  .filter((t): t is GremlinTask => t !== null);
const runs = tasks.map(mapGremlinTask).filter((r): r is ChaosRun => !!r);
const byId = (suffix: string) => runs.find((r) => r.id.endsWith(suffix))!;

describe('mapGremlinTask on fixtures in the OpenAPI TaskResponse shape', () => {
  it('maps a complete, successful attack with its tags and a link to the web app', () => {
    expect(byId('0001')).toMatchObject({
      source: 'gremlin',
      kind: 'cpu',
      name: 'cpu on payments-host-1',
      targets: ['payments-host-1', 'payments'],
      status: 'succeeded',
      start: Date.parse('2026-11-26T09:00:00Z'),
      end: Date.parse('2026-11-26T09:05:00Z'),
      url: 'https://app.gremlin.com/attacks/a1b2c3d4-0001-11ef-9000-000000000001',
      labels: { service: 'payments', env: 'prod', targetType: 'Host' },
    });
  });

  it('keeps an active attack open', () => {
    expect(byId('0002')).toMatchObject({ status: 'running', end: undefined });
  });

  it('maps an errored attack to failed with its error message as an event', () => {
    const r = byId('0003');
    expect(r.status).toBe('failed');
    expect(r.events).toEqual([
      {
        time: Date.parse('2026-11-26T08:00:05Z'),
        reason: 'InitializationFailed',
        message: 'Client failed to initialize the attack',
        level: 'error',
      },
    ]);
  });

  it('maps a user-halted attack to aborted and unknown stages to unknown', () => {
    expect(byId('0004').status).toBe('aborted');
    expect(byId('0005')).toMatchObject({ status: 'unknown', name: 'Process_Killer on no target', targets: [] });
  });
});

describe('gremlinStatus', () => {
  it.each([
    [{ stageLifecycle: 'Halting', stage: 'HaltDistributed' }, 'running'],
    [{ stageLifecycle: 'Complete', stage: 'Failed' }, 'failed'],
    [{ stageLifecycle: 'Complete', stage: 'Running' }, 'succeeded'],
    [{ stageLifecycle: 'Complete' }, 'succeeded'],
    [{ stage: 'TargetNotFound' }, 'failed'],
    [{}, 'unknown'],
  ])('%j → %s', (task, expected) => {
    expect(gremlinStatus(task)).toBe(expected);
  });
});

describe('Gremlin tags and labels with lists of values', () => {
  it('reads every value of multiSelectTags and multiSelectLabels (fixture gremlin/range-multiselect.json)', () => {
    const [task] = (fixture<GremlinPage>('gremlin/range-multiselect.json').items ?? []).filter(
      (t): t is GremlinTask => t !== null
    );
    expect(mapGremlinTask(task)).toMatchObject({
      targets: ['web', 'web-canary', 'cart'],
      namespace: 'shop',
      labels: {
        env: 'prod',
        service: 'web,web-canary',
        zone: 'eu-west-1a,eu-west-1b',
        app: 'cart',
        namespace: 'shop',
        targetType: 'Container',
      },
    });
  });

  it('keeps tags whose values are lists, the form `{"service": ["web"]}`', () => {
    const run = mapGremlinTask({
      guid: 'g1',
      stageLifecycle: 'Complete',
      stage: 'Successful',
      startTime: '2026-11-26T11:00:00Z',
      tags: { service: ['web'], team: ['a', 7, null] },
    });
    expect(run).toMatchObject({ targets: ['web'], labels: { service: 'web', team: 'a,7' } });
  });
});
