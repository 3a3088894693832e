import { ChaosRun } from '../../../../model/chaos';
import { fixture } from '../fixtures/load';
import { applyDetail } from './detailMapper';
import { mapChaosMesh } from './mapper';
import { CmDetail, CmPayload } from './types';

const details = fixture<Record<string, CmDetail>>('chaosmesh/details.json');
const payload: CmPayload = {
  events: fixture('chaosmesh/events.json'),
  experiments: fixture('chaosmesh/experiments.json'),
  archives: fixture('chaosmesh/archives.json'),
  workflows: [],
};
const runs = Object.fromEntries(
  mapChaosMesh(payload, undefined).map((r) => [r.name, details[r.id] ? applyDetail(r, details[r.id]) : r] as [string, ChaosRun])
);

describe('applyDetail on the experiment and archive objects', () => {
  it('adds the labels of the chaos object and keeps the archived marker', () => {
    expect(runs['frontend-kill'].labels).toEqual({ team: 'web', env: 'prod', archived: 'true' });
    expect(runs['old-dns-error'].labels).toEqual({ archived: 'true' });
  });

  it('names the workload of the selector, and of a NetworkChaos target, beside the pods from events', () => {
    expect(runs['payments-pod-kill'].targets).toEqual(['shop/payments-7d9f8c6b5-x2x9z', 'payments']);
    expect(runs['checkout-delay'].targets).toEqual(['shop/checkout-5c9d7f6b8-abcde', 'shop/checkout-5c9d7f6b8-fghij', 'checkout', 'payments']);
    expect(runs['inventory-cpu'].targets).toEqual(['shop/inventory-0']);
    expect(runs['shipping-io'].targets).toEqual(['shipping']);
  });

  it('leaves a run alone when the object has no kube_object', () => {
    const r = mapChaosMesh(payload, undefined)[0];
    expect(applyDetail(r, { uid: r.id })).toEqual(r);
  });
});
