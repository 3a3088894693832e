import { FlowGraph } from '../../../model';
import { clusterOverview, clustersFrame, NO_CLUSTER_LABEL } from './clusterOverview';

const graph: FlowGraph = {
  nodes: [
    { id: 'shop/frontend@a', cluster: 'a', owner: 'team-web' },
    { id: 'shop/checkout@a', cluster: 'a', owner: 'team-pay', chaosRuns: ['kill-checkout'] },
    { id: 'shop/frontend@b', cluster: 'b', owner: 'team-web' },
    { id: 'shop/ledger@b', cluster: 'b', owner: 'team-ledger', chaosRuns: ['slow-ledger', 'kill-ledger'] },
    { id: 'batch', cluster: 'unknown cluster' },
  ],
  edges: [
    { source: 'shop/frontend@a', target: 'shop/checkout@a', requestRate: 100, errorRate: 1 },
    { source: 'shop/frontend@b', target: 'shop/ledger@b', requestRate: 10, errorRate: 5 },
    { source: 'shop/checkout@a', target: 'shop/ledger@b', requestRate: 10, errorRate: 0 },
    { source: 'batch', target: 'shop/checkout@a', requestRate: 1 },
  ],
};

describe('clusters overview', () => {
  it('sums traffic, error share and chaos runs per cluster, most failing first, with the owners', () => {
    expect(clusterOverview(graph, 'requests')).toEqual([
      {
        cluster: 'b',
        traffic: 10,
        errorShare: 0.25,
        chaosRuns: 2,
        busiestOwner: 'team-ledger',
        mostFailingOwner: 'team-ledger',
      },
      {
        cluster: 'a',
        traffic: 110,
        errorShare: 1 / 101,
        chaosRuns: 1,
        busiestOwner: 'team-pay',
        mostFailingOwner: 'team-pay',
      },
      {
        cluster: 'unknown cluster',
        traffic: 1,
        errorShare: undefined,
        chaosRuns: 0,
        busiestOwner: undefined,
        mostFailingOwner: undefined,
      },
    ]);
  });

  it('gives a graph without any cluster label one row for all of it, not an unknown cluster', () => {
    const single: FlowGraph = {
      nodes: [{ id: 'frontend', owner: 'team-web' }, { id: 'checkout' }],
      edges: [{ source: 'frontend', target: 'checkout', requestRate: 4, errorRate: 1 }],
    };
    expect(clusterOverview(single, 'requests')).toEqual([
      expect.objectContaining({ cluster: NO_CLUSTER_LABEL, traffic: 4, errorShare: 0.25, busiestOwner: 'team-web' }),
    ]);
  });

  it('makes a table frame with empty cells, not zeros, where nothing is known', () => {
    const f = clustersFrame(clusterOverview(graph, 'requests'), 'requests');
    expect(f.name).toBe('clusters');
    expect(f.fields.map((x) => x.name)).toEqual([
      'cluster',
      'traffic',
      'error_share',
      'chaos_runs',
      'busiest_owner',
      'most_failing_owner',
    ]);
    expect(f.fields[2].values[2]).toBeNull();
    expect(f.fields[4].values[2]).toBeNull();
  });
});
