/** @jest-environment node */
import { FlowGraph } from '../../src/model';
import type { DataFrame } from '@grafana/data';
import { loadFlowGraph } from '../../src/datasource/connectors/flow';
import { clustersHandler } from '../../src/datasource/handlers/flows';
import { QueryContext } from '../../src/datasource/connectors/context';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { grafanaTransport } from '../../src/datasource/http/grafanaTransport';
import { FaultlineOptions, FlowQuery } from '../../src/datasource/types';
import { ExportedSeries, FlowExporter, startFlowExporter } from '../support/flowExporter';
import {
  missingBinaries,
  pollQuery,
  startFederatingPrometheus,
  startReceivingVictoriaMetrics,
  startScrapingPrometheus,
  Store,
} from '../support/promstores';
import { RecordingProxy, startRecordingProxy } from '../support/recordingProxy';
import { startStrictProxy } from '../support/strictProxyProcess';

/*
 * Two clusters, each a real Prometheus scraping its own flow exporter with
 * `external_labels: {cluster: …}` (cluster a as a high-availability pair), under both kinds of
 * global view: push (every Prometheus remote-writes into one VictoriaMetrics) and pull (a third
 * Prometheus federates them over /federate). Remote write and federation forward only live scrapes,
 * so the test waits, bounded, until each view holds every series.
 */
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => jest.requireActual('../../preview/src/shell/backendSrv').previewBackendSrv,
}));

const shop = (src: string, dst: string, extra: Record<string, string> = {}) => ({
  k8s_src_owner_name: src,
  k8s_dst_owner_name: dst,
  k8s_src_namespace: 'shop',
  k8s_dst_namespace: 'shop',
  transport: 'tcp',
  ...extra,
});
const mesh = (src: string, dst: string, extra: Record<string, string> = {}) => ({
  reporter: 'destination',
  source_workload: src,
  source_workload_namespace: 'shop',
  destination_workload: dst,
  destination_workload_namespace: 'shop',
  response_code: '200',
  ...extra,
});
const CLUSTER_A: ExportedSeries[] = [
  { metric: 'beyla_network_flow_bytes_total', labels: shop('frontend', 'checkout'), rate: 1000 },
  { metric: 'beyla_network_flow_bytes_total', labels: shop('checkout', 'payments'), rate: 200 },
  { metric: 'istio_requests_total', labels: mesh('frontend', 'checkout'), rate: 10 },
  { metric: 'istio_tcp_sent_bytes_total', labels: mesh('frontend', 'checkout'), rate: 1000 },
];
// The same workload names as in cluster a, and a mesh call from cluster a's checkout into cluster b.
const CLUSTER_B: ExportedSeries[] = [
  { metric: 'beyla_network_flow_bytes_total', labels: shop('frontend', 'checkout'), rate: 400 },
  { metric: 'beyla_network_flow_bytes_total', labels: shop('checkout', 'ledger'), rate: 50 },
  {
    metric: 'istio_requests_total',
    labels: mesh('checkout', 'ledger', { source_cluster: 'a', destination_cluster: 'b' }),
    rate: 5,
  },
  // One call in six from cluster a fails in cluster b's ledger.
  {
    metric: 'istio_requests_total',
    labels: mesh('checkout', 'ledger', { source_cluster: 'a', destination_cluster: 'b', response_code: '503' }),
    rate: 1,
  },
  {
    metric: 'istio_tcp_sent_bytes_total',
    labels: mesh('checkout', 'ledger', { source_cluster: 'a', destination_cluster: 'b' }),
    rate: 2000,
  },
];
/** Series each view must hold: cluster a's are sent twice, once per replica. */
const EXPECTED_SERIES = {
  beyla_network_flow_bytes_total: 2 * 2 + 2,
  istio_requests_total: 2 + 2,
  istio_tcp_sent_bytes_total: 2 + 1,
};
const CROSS_CLUSTER_PRICE = 0.05;
const SETTINGS: Partial<FaultlineOptions> = {
  flowClusterLabel: 'cluster',
  flowReplicaLabel: 'prometheus_replica',
  costPerGb: 0.01,
  crossClusterCostPerGb: CROSS_CLUSTER_PRICE,
  timeoutSeconds: 10,
};
const beyla: FlowQuery = { preset: 'beyla', grouping: 'workload' };
const istio: FlowQuery = { preset: 'istio', grouping: 'workload' };

const missing = missingBinaries();
const describeViews = missing.length ? describe.skip : describe;
if (missing.length) {
  console.warn(
    `flows-global-views: skipped, ${missing.join(', ')} not installed (apt-get install prometheus victoria-metrics)`
  );
}

function ctxFor(
  url: string,
  settings: Partial<FaultlineOptions> = SETTINGS,
  transport = fetchTransport({ prometheus: { url } }),
  to = Date.now()
): QueryContext {
  return {
    settings: { prometheusUrl: url, ...settings },
    transport,
    range: { from: to - 5 * 60_000, to },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}

const shape = (g: FlowGraph) => ({
  nodes: g.nodes.map((n) => `${n.id} [${n.cluster ?? '-'}]`).sort(),
  edges: g.edges.map((e) => `${e.source}>${e.target}${e.sourceCluster ? ' cross-cluster' : ''}`).sort(),
});
const edge = (g: FlowGraph, key: string) => {
  const e = g.edges.find((x) => `${x.source}>${x.target}` === key);
  if (!e) {
    throw new Error(`no edge ${key} in ${shape(g).edges.join(', ')}`);
  }
  return e;
};

describeViews('flows across clusters on real global views', () => {
  const stop: Array<() => Promise<void>> = [];
  let push: Store;
  let pull: Store;
  let clusterA: Store;
  let recorder: RecordingProxy;
  let instance: string;

  beforeAll(async () => {
    const [expA, expB]: FlowExporter[] = await Promise.all([
      startFlowExporter(CLUSTER_A),
      startFlowExporter(CLUSTER_B),
    ]);
    stop.push(expA.stop, expB.stop);
    push = await startReceivingVictoriaMetrics();
    stop.push(push.stop);
    const remoteWrite = `${push.url}/api/v1/write`;
    const sources = await Promise.all([
      startScrapingPrometheus([expA.target], {
        externalLabels: { cluster: 'a', prometheus_replica: 'r1' },
        remoteWrite,
      }),
      startScrapingPrometheus([expA.target], {
        externalLabels: { cluster: 'a', prometheus_replica: 'r2' },
        remoteWrite,
      }),
      startScrapingPrometheus([expB.target], {
        externalLabels: { cluster: 'b', prometheus_replica: 'r1' },
        remoteWrite,
      }),
    ]);
    sources.forEach((s) => stop.push(s.stop));
    clusterA = sources[0];
    pull = await startFederatingPrometheus(
      sources.map((s) => s.url),
      ['{__name__=~"beyla_.+|istio_.+"}']
    );
    stop.push(pull.stop);

    // The store behind the data proxy (the preview's, as strict as Grafana's) is seen on the wire.
    recorder = await startRecordingProxy(push.url);
    stop.push(recorder.stop);
    const datasources = [
      { uid: 'global', type: 'faultline-datasource', jsonData: { prometheusUrl: recorder.url }, secureJsonData: {} },
      {
        uid: 'global-tenant',
        type: 'faultline-datasource',
        jsonData: { prometheusUrl: recorder.url, prometheusTenant: 'team-a' },
        secureJsonData: {},
      },
    ];
    const proxy = await startStrictProxy(datasources);
    instance = proxy.instance;
    stop.push(proxy.stop);

    // Four samples of every series, in both views, before any flow query.
    await Promise.all(
      [push, pull].flatMap((view) =>
        Object.entries(EXPECTED_SERIES).map(([metric, n]) =>
          pollQuery(view.url, `count(count_over_time(${metric}[5m]) >= 4)`, (r) => Number(r[0]?.value[1]) === n, 90_000)
        )
      )
    );
  }, 180_000);

  afterAll(async () => {
    for (const s of stop.reverse()) {
      await s().catch(() => undefined);
    }
  });

  it('gives the same two-cluster graph from the push and the pull view', async () => {
    const [fromPush, fromPull] = await Promise.all(
      [push, pull].map((v) => loadFlowGraph(ctxFor(v.url), beyla).then((r) => r.graph))
    );
    const expected = {
      nodes: [
        'shop/checkout@a [a]',
        'shop/checkout@b [b]',
        'shop/frontend@a [a]',
        'shop/frontend@b [b]',
        'shop/ledger@b [b]',
        'shop/payments@a [a]',
      ],
      edges: [
        'shop/checkout@a>shop/payments@a',
        'shop/checkout@b>shop/ledger@b',
        'shop/frontend@a>shop/checkout@a',
        'shop/frontend@b>shop/checkout@b',
      ],
    };
    expect(shape(fromPush)).toEqual(expected);
    expect(shape(fromPull)).toEqual(expected);
    // Two frontends, two checkouts, each with its own cluster's traffic (1000 B/s in a, 400 in b).
    for (const g of [fromPush, fromPull]) {
      const a = edge(g, 'shop/frontend@a>shop/checkout@a').bytesTotal!;
      const b = edge(g, 'shop/frontend@b>shop/checkout@b').bytesTotal!;
      expect(a).toBeGreaterThan(b);
    }
  });

  it('gives each cluster alone its part of the graph', async () => {
    const global = (await loadFlowGraph(ctxFor(push.url), beyla)).graph;
    for (const view of [push, pull]) {
      for (const c of ['a', 'b']) {
        const part = (await loadFlowGraph(ctxFor(view.url), { ...beyla, matchers: `cluster="${c}"` })).graph;
        const only = (xs: string[]) => xs.filter((x) => x.split('>').every((end) => end.includes(`@${c}`)));
        expect(shape(part).nodes).toEqual(shape(global).nodes.filter((n) => n.includes(`@${c} `)));
        expect(shape(part).edges).toEqual(only(shape(global).edges));
      }
    }
    // The cluster's own Prometheus has no external labels on its series: the same edges, without a cluster.
    const own = (await loadFlowGraph(ctxFor(clusterA.url), beyla)).graph;
    expect(shape(own)).toEqual({
      nodes: ['shop/checkout [-]', 'shop/frontend [-]', 'shop/payments [-]'],
      edges: ['shop/checkout>shop/payments', 'shop/frontend>shop/checkout'],
    });
  });

  it('marks the edge between clusters and prices it with the cross-cluster price', async () => {
    for (const view of [push, pull]) {
      const { graph, notices } = await loadFlowGraph(ctxFor(view.url), istio);
      expect(shape(graph)).toEqual({
        nodes: ['shop/checkout@a [a]', 'shop/frontend@a [a]', 'shop/ledger@b [b]'],
        edges: ['shop/checkout@a>shop/ledger@b cross-cluster', 'shop/frontend@a>shop/checkout@a'],
      });
      const cross = edge(graph, 'shop/checkout@a>shop/ledger@b');
      expect(cross.bytesTotal).toBeGreaterThan(0);
      expect(cross.cost).toBeCloseTo((cross.bytesTotal! / 1e9) * CROSS_CLUSTER_PRICE, 12);
      expect(edge(graph, 'shop/frontend@a>shop/checkout@a').cost).toBeUndefined();
      expect(notices.map((n) => n.text).join('\n')).toMatch(/Cross-cluster traffic in this range costs about/);
    }
  });

  it('sums each cluster in the clusters overview, alike from both views', async () => {
    const overview = async (view: Store, flows: FlowQuery, at: number) => {
      const [f]: DataFrame[] = await clustersHandler(
        { refId: 'A', queryType: 'clusters', flows },
        ctxFor(view.url, SETTINGS, undefined, at)
      );
      const rows = Array.from({ length: f.length }, (_, i) =>
        Object.fromEntries(f.fields.map((x) => [x.name, x.values[i]]))
      );
      return Object.fromEntries(rows.map((r) => [r.cluster, r]));
    };
    for (const view of [push, pull]) {
      const at = Date.now() - 2000;
      // Beyla: bytes sent from each cluster, as the flow map's edges from its nodes; no requests, no error share.
      const rows = await overview(view, beyla, at);
      const { graph } = await loadFlowGraph(ctxFor(view.url, SETTINGS, undefined, at), beyla);
      const sent = (c: string) =>
        graph.edges
          .filter((e) => graph.nodes.find((n) => n.id === e.source)?.cluster === c)
          .reduce((sum, e) => sum + (e.bytesRate ?? 0), 0);
      expect(Object.keys(rows).sort()).toEqual(['a', 'b']);
      for (const c of ['a', 'b']) {
        expect(rows[c].traffic).toBeGreaterThan(0);
        expect(rows[c].traffic).toBeCloseTo(sent(c), 6);
        expect(rows[c].error_share).toBeNull();
      }
      // Cluster a sends 1200 B/s, cluster b 450 (the ratio of the averages depends on when each series began).
      expect(rows.a.traffic).toBeGreaterThan(rows.b.traffic);
      // Istio: the failing calls into cluster b's ledger make b the cluster on fire, listed first.
      const mesh = await overview(view, istio, at);
      expect(Object.keys(mesh)).toEqual(['b', 'a']);
      expect(mesh.b.error_share).toBeCloseTo(1 / 6, 2);
      expect(mesh.a.error_share).toBe(0);
    }
  });

  it('counts a high-availability pair once with the replica label, twice without', async () => {
    const key = 'shop/frontend@a>shop/checkout@a';
    for (const view of [push, pull]) {
      // One instant for every query: the counters grow between them.
      const at = Date.now() - 2000;
      const bytes = async (settings: Partial<FaultlineOptions>, matchers?: string) =>
        edge((await loadFlowGraph(ctxFor(view.url, settings, undefined, at), { ...beyla, matchers })).graph, key)
          .bytesTotal!;
      const noReplica = { ...SETTINGS, flowReplicaLabel: undefined };
      const [r1, r2] = [
        await bytes(noReplica, 'prometheus_replica="r1"'),
        await bytes(noReplica, 'prometheus_replica="r2"'),
      ];
      expect(r1).toBeGreaterThan(0);
      expect(r2).toBeGreaterThan(0);
      const doubled = await bytes(noReplica);
      const corrected = await bytes(SETTINGS);
      expect(doubled).toBeCloseTo(r1 + r2, 6);
      expect(corrected).toBeCloseTo(Math.max(r1, r2), 6);
      // Cluster b has one replica: nothing to drop.
      const b = 'shop/frontend@b>shop/checkout@b';
      const bOf = async (settings: Partial<FaultlineOptions>) =>
        edge((await loadFlowGraph(ctxFor(view.url, settings, undefined, at), beyla)).graph, b).bytesTotal!;
      expect(await bOf(noReplica)).toBeCloseTo(await bOf(SETTINGS), 6);
    }
  });

  it('sends the tenant header exactly as configured through the data proxy, and none when unset', async () => {
    const through = async (uid: string, tenant?: string) => {
      recorder.requests.length = 0;
      const settings = { ...SETTINGS, prometheusTenant: tenant };
      const { graph } = await loadFlowGraph(
        ctxFor(recorder.url, settings, grafanaTransport(`${instance}/${uid}`)),
        beyla
      );
      return { graph, headers: recorder.requests.map((r) => r.headers) };
    };
    const withTenant = await through('global-tenant', 'team-a');
    const without = await through('global');
    expect(withTenant.headers.length).toBeGreaterThan(0);
    expect(withTenant.headers.map((h) => h['x-scope-orgid'])).toEqual(withTenant.headers.map(() => 'team-a'));
    expect(without.headers.length).toBeGreaterThan(0);
    expect(without.headers.filter((h) => 'x-scope-orgid' in h)).toEqual([]);
    expect(shape(withTenant.graph)).toEqual(shape(without.graph));
  });
});
