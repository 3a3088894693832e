import { InputError } from '../../../model';
import { QueryContext } from '../context';
import { TransportRequest } from '../../http/transport';
import { applyCost } from './cost';
import { loadFlowGraph } from '.';
import { mapFlowGraph, MeasureSamples, UNKNOWN_CLUSTER } from './mapper';
import { PRESETS, withClusterLabel } from './presets';
import { measureQuery } from './promql';
import { PromVectorSample } from './promTypes';
import { storeStubContext } from './storeStub';

const beyla = withClusterLabel(PRESETS.beyla.groupings.workload!, 'k8s_cluster_name');
const istio = withClusterLabel(PRESETS.istio.groupings.workload!, 'cluster');
const flow = (src: string, dst: string, value: string, extra: Record<string, string> = {}): PromVectorSample => ({
  metric: {
    k8s_src_owner_name: src,
    k8s_dst_owner_name: dst,
    k8s_src_namespace: 'shop',
    k8s_dst_namespace: 'shop',
    ...extra,
  },
  value: [1700000000, value],
});
const bytes = (...samples: PromVectorSample[]): MeasureSamples => ({ measure: 'bytes', samples });

describe('clusters in the flow map', () => {
  it('makes a workload of the same name in two clusters two nodes', () => {
    const { graph, stats } = mapFlowGraph(
      [
        bytes(
          flow('frontend', 'checkout', '100', { k8s_cluster_name: 'a' }),
          flow('frontend', 'checkout', '200', { k8s_cluster_name: 'b' })
        ),
      ],
      beyla,
      1
    );
    expect(graph.nodes.map((n) => [n.id, n.title, n.cluster])).toEqual([
      ['shop/frontend@a', 'frontend', 'a'],
      ['shop/checkout@a', 'checkout', 'a'],
      ['shop/frontend@b', 'frontend', 'b'],
      ['shop/checkout@b', 'checkout', 'b'],
    ]);
    expect(graph.edges.map((e) => [e.source, e.target, e.bytesTotal, e.sourceCluster])).toEqual([
      ['shop/frontend@a', 'shop/checkout@a', 100, undefined],
      ['shop/frontend@b', 'shop/checkout@b', 200, undefined],
    ]);
    expect(stats.unknownClusterNodes).toBe(0);
  });

  it('says nothing about clusters when no series carries a cluster label', () => {
    const { graph, stats } = mapFlowGraph([bytes(flow('frontend', 'checkout', '100'))], beyla, 1);
    expect(graph.nodes.map((n) => [n.id, n.cluster])).toEqual([
      ['shop/frontend', undefined],
      ['shop/checkout', undefined],
    ]);
    expect(stats.unknownClusterNodes).toBe(0);
  });

  it('puts nodes of series without the label, or with an empty one, in the unknown cluster', () => {
    const { graph, stats } = mapFlowGraph(
      [
        bytes(
          flow('frontend', 'checkout', '100', { k8s_cluster_name: 'a' }),
          flow('batch', 'checkout', '5'),
          flow('cron', 'checkout', '5', { k8s_cluster_name: '' })
        ),
      ],
      beyla,
      1
    );
    expect(graph.nodes.filter((n) => n.cluster === UNKNOWN_CLUSTER).map((n) => n.id)).toEqual([
      'shop/batch',
      'shop/checkout',
      'shop/cron',
    ]);
    expect(stats.unknownClusterNodes).toBe(3);
    // An edge to a node of unknown cluster is not called cross-cluster: nothing says it crosses.
    expect(graph.edges.every((e) => e.sourceCluster === undefined)).toBe(true);
  });

  it('marks an edge between clusters from per-end cluster labels before the series label', () => {
    const { graph } = mapFlowGraph(
      [
        bytes({
          metric: {
            source_workload: 'frontend',
            source_workload_namespace: 'shop',
            destination_workload: 'payments',
            destination_workload_namespace: 'pay',
            source_cluster: 'a',
            destination_cluster: 'b',
            cluster: 'a',
          },
          value: [1, '2e9'],
        }),
      ],
      istio,
      1
    );
    expect(graph.edges).toEqual([
      expect.objectContaining({
        source: 'shop/frontend@a',
        target: 'pay/payments@b',
        sourceCluster: 'a',
        targetCluster: 'b',
      }),
    ]);
  });

  it('reads the cluster of each end of a service graph edge (k8s.cluster.name with client/server prefixes)', () => {
    const servicegraph = withClusterLabel(PRESETS.servicegraph.groupings.workload!, 'cluster');
    const call = (client: string, server: string, clusters: Record<string, string>): PromVectorSample => ({
      metric: { client, server, ...clusters },
      value: [1, '10'],
    });
    const { graph } = mapFlowGraph(
      [
        {
          measure: 'requests',
          samples: [
            // Reported in cluster b's store, about a call from cluster a.
            call('payments', 'ledger', { client_k8s_cluster_name: 'a', server_k8s_cluster_name: 'b', cluster: 'b' }),
            // Without the dimension the series' own cluster names both ends.
            call('frontend', 'payments', { cluster: 'a' }),
          ],
        },
      ],
      servicegraph,
      1
    );
    expect(graph.edges.map((e) => [e.source, e.target, e.sourceCluster, e.targetCluster])).toEqual([
      ['payments@a', 'ledger@b', 'a', 'b'],
      ['frontend@a', 'payments@a', undefined, undefined],
    ]);
  });

  it('prices a cross-cluster edge with its own price and not the cross-zone one as well', () => {
    const graph = {
      nodes: [],
      edges: [
        {
          source: 'x@a',
          target: 'y@b',
          bytesTotal: 2e9,
          crossZoneBytesTotal: 2e9,
          sourceCluster: 'a',
          targetCluster: 'b',
        },
        { source: 'x@a', target: 'z@a', bytesTotal: 5e9, crossZoneBytesTotal: 1e9 },
      ],
    };
    expect(applyCost(graph, { crossZone: 0.01, crossCluster: 0.02 })).toEqual({ crossZone: 0.01, crossCluster: 0.04 });
    expect(graph.edges.map((e) => (e as { cost?: number }).cost)).toEqual([0.04, 0.01]);
  });
});

describe('replica label', () => {
  it('takes the max across replicas before the sum', () => {
    const m = PRESETS.beyla.measures[0];
    expect(measureQuery(m, ['a', 'b'], 3_600_000, undefined, 'prometheus_replica')).toBe(
      'sum by (a,b) (max without (prometheus_replica) (increase(beyla_network_flow_bytes_total{}[3600s])))'
    );
  });
});

describe('cluster and replica settings in the flows query', () => {
  const requests: TransportRequest[] = [];
  const queryAt = (i: number) => String(requests[i]?.params?.query);
  const ctx = (settings: QueryContext['settings']) => storeStubContext(settings, undefined, requests);

  it('groups by the preset cluster label, or the one set on the data source', async () => {
    requests.length = 0;
    await loadFlowGraph(ctx({}), { preset: 'beyla' });
    expect(queryAt(0)).toMatch(/sum by \([^)]*k8s_cluster_name[^)]*\)/);
    requests.length = 0;
    await loadFlowGraph(ctx({ flowClusterLabel: 'region_cluster', flowReplicaLabel: '__replica__' }), {
      preset: 'hubble',
    });
    expect(queryAt(0)).toMatch(/sum by \([^)]*region_cluster[^)]*\) \(max without \(__replica__\)/);
    expect(queryAt(0)).not.toMatch(/[(,]cluster[,)]/);
  });

  it('refuses a cluster or replica label that is no label name', async () => {
    await expect(loadFlowGraph(ctx({ flowClusterLabel: 'a) or vector(1' }), { preset: 'beyla' })).rejects.toThrow(
      InputError
    );
    await expect(loadFlowGraph(ctx({ flowReplicaLabel: 'x-y' }), { preset: 'beyla' })).rejects.toThrow(/replica label/);
  });
});
