import { TransportRequest } from '../../http/transport';
import { loadFlowGraph } from './index';
import { loadNodeSeries } from './nodeSeries';
import { PrometheusClient } from './promClient';
import { storeStubContext } from './storeStub';

// Two clusters run a checkout of the same name and namespace: two workloads, two nodes.
const SERIES = [
  { client: 'frontend', server: 'checkout', server_k8s_namespace_name: 'shop', cluster: 'eu' },
  { client: 'frontend', server: 'checkout', server_k8s_namespace_name: 'shop', cluster: 'us' },
];

/** The store: every instant query answers the two edges, every range query the same series over time. */
function answer(req: TransportRequest) {
  const labels = SERIES.map((metric) => ({ ...metric, __name__: 'traces_service_graph_request_total' }));
  if (req.path.endsWith('/query_range')) {
    const start = Number(req.params?.start);
    return {
      status: 'success',
      data: { resultType: 'matrix', result: labels.map((metric) => ({ metric, values: [[start, '2']] })) },
    };
  }
  return {
    status: 'success',
    data: { resultType: 'vector', result: labels.map((metric) => ({ metric, value: [0, '7'] })) },
  };
}

describe('loadNodeSeries', () => {
  it('names each series by the flow graph’s node id, cluster included, and groups by the cluster label', async () => {
    const seen: TransportRequest[] = [];
    const ctx = storeStubContext({}, answer, seen);
    const { graph } = await loadFlowGraph(ctx, { preset: 'servicegraph', grouping: 'workload' });
    const servers = graph.nodes.filter((n) => n.title === 'checkout').map((n) => n.id);
    expect(servers.sort()).toEqual(['shop/checkout@eu', 'shop/checkout@us']);

    seen.length = 0;
    const client = PrometheusClient.fromSettings(ctx.settings, ctx.transport);
    const { from, to } = ctx.range;
    const series = await loadNodeSeries(
      client,
      { preset: 'servicegraph', from, to, stepMs: 60_000, rateWindowMs: 60_000 },
      []
    );
    const measured = [...series.nodes.keys()].filter((id) => id.includes('checkout')).sort();
    expect(measured).toEqual(servers.sort());
    expect(series.nodes.get('shop/checkout@eu')?.['server:requests']?.[0]).toBe(2);
    const serverRequests = seen.map((r) => String(r.params?.query)).find((q) => q.includes('sum by (server,'));
    expect(serverRequests).toContain('sum by (server,server_k8s_namespace_name,server_k8s_cluster_name,cluster)');
  });

  it('reads the cluster from the label the data source names, as the flow graph does', async () => {
    const seen: TransportRequest[] = [];
    const ctx = storeStubContext(
      { flowClusterLabel: 'k8s_cluster' },
      () => ({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: { server: 'checkout', k8s_cluster: 'eu' }, values: [[ctx.range.from / 1000, '1']] }],
        },
      }),
      seen
    );
    const client = PrometheusClient.fromSettings(ctx.settings, ctx.transport);
    const series = await loadNodeSeries(
      client,
      {
        preset: 'servicegraph',
        from: ctx.range.from,
        to: ctx.range.to,
        stepMs: 60_000,
        rateWindowMs: 60_000,
        clusterLabel: 'k8s_cluster',
      },
      []
    );
    expect([...series.nodes.keys()]).toEqual(['checkout@eu']);
  });
});
