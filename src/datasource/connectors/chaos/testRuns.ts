import { ChaosRun } from '../../../model/chaos';

/** Builds a run for tests; only the fields a test cares about need to be given. */
export function aRun(over: Partial<ChaosRun> = {}): ChaosRun {
  return {
    source: 'chaosmesh',
    id: 'r1',
    name: 'payments-pod-kill',
    kind: 'PodChaos',
    namespace: 'shop',
    targets: ['shop/payments-7d9f8c6b5-x2x9z'],
    start: Date.UTC(2026, 10, 26, 10, 0),
    end: Date.UTC(2026, 10, 26, 10, 5),
    status: 'succeeded',
    labels: { team: 'payments', env: 'prod' },
    events: [],
    ...over,
  };
}
