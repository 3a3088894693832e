import { ChaosRun, FlowGraph, Ownership } from '../../../model';
import { applyCost } from './cost';
import { diffGraphs } from './diff';
import { activeRuns, joinOwners, markBlastRadius } from '../../joins/flowJoins';

const graph = (): FlowGraph => ({
  nodes: ['frontend', 'checkout', 'payments', 'shipping', 'user'].map((id) => ({ id, title: id })),
  edges: [
    { source: 'user', target: 'frontend', requestRate: 10 },
    { source: 'frontend', target: 'checkout', requestRate: 5 },
    { source: 'checkout', target: 'payments', requestRate: 4 },
    { source: 'shipping', target: 'frontend', requestRate: 1 },
  ],
});

const service = (name: string, owner: string, namespace?: string): Ownership => ({
  ref: `component:default/${name}`,
  service: name,
  namespace,
  owner,
  team: owner,
  contacts: [],
  links: [],
  tags: [],
  source: 'backstage',
  missing: [],
});

const run = (over: Partial<ChaosRun>): ChaosRun => ({
  source: 'chaosmesh',
  id: '1',
  name: 'pod-kill',
  kind: 'PodChaos',
  targets: ['checkout'],
  start: 100,
  status: 'running',
  labels: {},
  events: [],
  ...over,
});

describe('owner join', () => {
  it('adds owner and team by service name, preferring the same namespace', () => {
    const g = graph();
    g.nodes[1].namespace = 'shop';
    const matched = joinOwners(g.nodes, [
      service('checkout', 'team-other', 'other'),
      service('Checkout', 'team-shop', 'shop'),
      service('payments', 'team-pay'),
    ]);
    expect(matched).toBe(2);
    expect(g.nodes[1]).toMatchObject({ owner: 'team-shop', team: 'team-shop' });
    expect(g.nodes[2]).toMatchObject({ owner: 'team-pay' });
    expect(g.nodes[0].owner).toBeUndefined();
  });

  it("matches a workload in a Kubernetes namespace to a service in Backstage's default namespace", () => {
    const g = graph();
    g.nodes.forEach((n) => (n.namespace = 'shop'));
    expect(joinOwners(g.nodes, [service('checkout', 'team-checkout', 'default')])).toBe(1);
    expect(g.nodes[1].team).toBe('team-checkout');
  });

  it('prefers the service whose Kubernetes namespace is the workload namespace, and matches by Kubernetes id', () => {
    const g = graph();
    g.nodes.forEach((n) => (n.namespace = 'shop'));
    const staging = { ...service('checkout', 'team-staging', 'default'), kubernetes: { namespace: 'staging' } };
    const shop = {
      ...service('checkout-api', 'team-shop', 'default'),
      kubernetes: { namespace: 'shop', id: 'checkout' },
    };
    expect(joinOwners(g.nodes, [staging, shop])).toBe(1);
    expect(g.nodes[1].owner).toBe('team-shop');
  });

  it('never matches a service the catalog places in another Kubernetes namespace', () => {
    const g = graph();
    g.nodes.forEach((n) => (n.namespace = 'shop'));
    expect(
      joinOwners(g.nodes, [{ ...service('checkout', 'team-staging'), kubernetes: { namespace: 'staging' } }])
    ).toBe(0);
    expect(g.nodes[1].owner).toBeUndefined();
  });
});

describe('chaos blast radius', () => {
  it('keeps runs overlapping the range, open ones too', () => {
    const runs = [
      run({ id: 'a', start: 0, end: 50 }),
      run({ id: 'b', start: 50, end: 150 }),
      run({ id: 'c', start: 120 }),
      run({ id: 'd', start: 300 }),
    ];
    expect(activeRuns(runs, 100, 200).map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('marks targets, their callers upstream and their callees downstream', () => {
    const g = graph();
    markBlastRadius(g, [run({})]);
    const roles = Object.fromEntries(g.nodes.map((n) => [n.id, n.chaos]));
    expect(roles).toEqual({
      frontend: 'upstream',
      checkout: 'target',
      payments: 'downstream',
      shipping: undefined,
      user: undefined,
    });
    expect(g.nodes[1].chaosRuns).toEqual(['pod-kill']);
  });

  it('lets the strongest role win when runs overlap', () => {
    const g = graph();
    markBlastRadius(g, [run({ targets: ['checkout'] }), run({ name: 'net-delay', targets: ['payments'] })]);
    expect(g.nodes.find((n) => n.id === 'checkout')).toMatchObject({
      chaos: 'target',
      chaosRuns: ['pod-kill', 'net-delay'],
    });
  });

  it('ignores a target in another namespace', () => {
    const g = graph();
    g.nodes.forEach((n) => (n.namespace = 'shop'));
    markBlastRadius(g, [run({ namespace: 'staging' })]);
    expect(g.nodes.every((n) => !n.chaos)).toBe(true);
  });
});

describe('time-range diff', () => {
  it('finds new, vanished and changed edges beyond the threshold', () => {
    const now = graph();
    const before: FlowGraph = {
      nodes: [{ id: 'frontend' }, { id: 'checkout' }, { id: 'legacy' }, { id: 'user' }],
      edges: [
        { source: 'user', target: 'frontend', requestRate: 9 },
        { source: 'frontend', target: 'checkout', requestRate: 1 },
        { source: 'frontend', target: 'legacy', requestRate: 3 },
      ],
    };
    expect(diffGraphs(now, before, 'requests', 0.5)).toEqual({ new: 2, vanished: 1, changed: 1 });
    const byKey = Object.fromEntries(now.edges.map((e) => [`${e.source}>${e.target}`, e]));
    expect(byKey['user>frontend']).toMatchObject({ diff: 'same', previousRate: 9 });
    expect(byKey['frontend>checkout']).toMatchObject({ diff: 'changed', previousRate: 1 });
    expect(byKey['checkout>payments'].diff).toBe('new');
    expect(byKey['frontend>legacy']).toMatchObject({ diff: 'vanished', previousRate: 3 });
    expect(now.nodes.map((n) => n.id)).toContain('legacy');
  });
});

describe('cross-zone cost', () => {
  it('prices cross-zone bytes per edge and in total', () => {
    const g: FlowGraph = {
      nodes: [],
      edges: [
        { source: 'a', target: 'b', crossZoneBytesTotal: 2e9 },
        { source: 'b', target: 'c', bytesTotal: 5e9 },
      ],
    };
    expect(applyCost(g, { crossZone: 0.01 }).crossZone).toBeCloseTo(0.02);
    expect(g.edges[0].cost).toBeCloseTo(0.02);
    expect(g.edges[1].cost).toBeUndefined();
    expect(g.totalCost).toBeCloseTo(0.02);
  });
});
