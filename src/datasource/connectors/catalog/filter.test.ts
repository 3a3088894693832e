/** @jest-environment node */
import { Ownership } from '../../../model';
import { filterServices, filterValues } from './filter';

const svc = (service: string, extra: Partial<Ownership> = {}): Ownership => ({
  ref: `component:${extra.namespace ?? 'default'}/${service}`,
  service,
  namespace: 'default',
  contacts: [],
  links: [],
  tags: [],
  source: 'backstage',
  missing: [],
  ...extra,
});
const ALL = [
  svc('payments', {
    owner: 'Payments',
    team: 'team-payments',
    ownerRef: 'group:default/team-payments',
    system: 'payments',
    tier: '1',
    lifecycle: 'production',
  }),
  svc('refunds', {
    owner: 'Payments',
    team: 'team-payments',
    ownerRef: 'group:default/team-payments',
    system: 'payments',
    tier: '2',
    lifecycle: 'production',
  }),
  svc('shipping', {
    owner: 'Fulfilment',
    team: 'team-fulfilment',
    ownerRef: 'group:default/team-fulfilment',
    system: 'fulfilment',
  }),
  svc('notifications', { namespace: 'labs', owner: 'Platform', team: 'team-platform' }),
];
const vars: Record<string, string> = {
  team: 'team-payments,team-fulfilment',
  one: 'payments',
  all: '$__all',
  glob: '{payments,shipping}',
};
const interpolate = (v: string | undefined) => (v ?? '').replace(/\$(\w+)/g, (w, n) => vars[n] ?? w);
const names = (filter: Parameters<typeof filterServices>[1]) =>
  filterServices(ALL, filter, interpolate).map((o) => o.service);

describe('catalog filters', () => {
  it('treats empty, All and * as no filter', () => {
    expect(filterValues('', interpolate)).toBeUndefined();
    expect(filterValues('$all', interpolate)).toBeUndefined();
    expect(filterValues(' * ', interpolate)).toBeUndefined();
    expect(names({ owner: '', system: '$all' })).toHaveLength(4);
  });

  it('accepts multi-value variables as csv and as Grafana glob', () => {
    expect(names({ owner: '$team' })).toEqual(['payments', 'refunds', 'shipping']);
    expect(names({ service: '$glob' })).toEqual(['payments', 'shipping']);
  });

  it('matches owners by slug, display name or ref, case-insensitively', () => {
    expect(names({ owner: 'PAYMENTS' })).toEqual(['payments', 'refunds']);
    expect(names({ owner: 'group:default/team-fulfilment' })).toEqual(['shipping']);
    expect(names({ owner: 'default/team-fulfilment' })).toEqual(['shipping']);
  });

  it('combines filters with AND and skips entries without the field', () => {
    expect(names({ system: 'payments', tier: '1' })).toEqual(['payments']);
    expect(names({ tier: '1,2', lifecycle: 'production' })).toEqual(['payments', 'refunds']);
    expect(names({ namespace: 'labs' })).toEqual(['notifications']);
    expect(names({ service: 'labs/notifications' })).toEqual(['notifications']);
  });
});

describe('services of one name in different namespaces', () => {
  const svc = (service: string, namespace?: string) =>
    ({
      ref: `component:${namespace ?? 'default'}/${service}`,
      service,
      namespace,
      contacts: [],
      links: [],
      tags: [],
      source: 'backstage',
      missing: [],
    }) as Ownership;
  const services = [svc('checkout', 'default'), svc('checkout', 'legacy'), svc('payments', 'shop'), svc('orders')];
  const refs = (service: string) => filterServices(services, { service }, (v) => v ?? '').map((o) => o.ref);

  it('finds one by namespace and name', () => {
    expect(refs('legacy/checkout')).toEqual(['component:legacy/checkout']);
    expect(refs('default/checkout')).toEqual(['component:default/checkout']);
  });

  it('reads a bare name shared by several namespaces as the default namespace', () => {
    expect(refs('checkout')).toEqual(['component:default/checkout']);
  });

  it('still finds a bare name used once, in any namespace, and a catalog without namespaces under default', () => {
    expect(refs('payments')).toEqual(['component:shop/payments']);
    expect(refs('default/orders')).toEqual(['component:default/orders']);
  });
});
