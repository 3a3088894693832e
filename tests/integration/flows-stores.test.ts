/** @jest-environment node */
import net from 'node:net';
import { DataFrame } from '@grafana/data';
import { BackendError, FlowEdge, InputError, TimeoutError } from '../../src/model';
import { loadFlowGraph } from '../../src/datasource/connectors/flow';
import { loadJoinedFlowGraph } from '../../src/datasource/joins';
import { PrometheusClient } from '../../src/datasource/connectors/flow/promClient';
import { QueryContext } from '../../src/datasource/connectors/context';
import { flowsHandler } from '../../src/datasource/handlers/flows';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { FaultlineOptions, FlowQuery } from '../../src/datasource/types';
import { findVariableValues } from '../../src/datasource/variables';
import { missingBinaries, Sample, startPrometheus, startVictoriaMetrics, Store } from '../support/promstores';

// History of a small shop, written in Beyla's and Tempo's metric names, ending a minute ago.
const STEP = 15_000;
const END = Math.floor((Date.now() - 60_000) / STEP) * STEP;
const START = END - 2 * 3_600_000 - 10 * 60_000;
const HOUR = 3_600_000;

interface Flow {
  src: string;
  dst: string;
  /** bytes per second in the earlier hour and the last hour (0: absent) */
  before: number;
  now: number;
  srcZone?: string;
  dstZone?: string;
}
const FLOWS: Flow[] = [
  { src: 'frontend', dst: 'checkout', before: 2000, now: 2000, srcZone: 'eu-1a', dstZone: 'eu-1a' },
  { src: 'checkout', dst: 'frontend', before: 8000, now: 8000, srcZone: 'eu-1a', dstZone: 'eu-1a' },
  { src: 'checkout', dst: 'payments', before: 100, now: 500, srcZone: 'eu-1a', dstZone: 'eu-1b' },
  { src: 'checkout', dst: 'inventory', before: 300, now: 300, srcZone: 'eu-1a', dstZone: 'eu-1b' },
  { src: 'frontend', dst: 'shipping', before: 0, now: 50, srcZone: 'eu-1a', dstZone: 'eu-1a' },
  { src: 'inventory', dst: 'legacy-erp', before: 40, now: 0, srcZone: 'eu-1b', dstZone: 'eu-1b' },
];

function counter(metric: string, labels: Record<string, string>, ratePerSec: (t: number) => number): Sample[] {
  const out: Sample[] = [];
  let value = 0;
  for (let t = START; t <= END; t += STEP) {
    const r = ratePerSec(t);
    if (r === 0 && value === 0) {
      continue;
    }
    value += (r * STEP) / 1000;
    out.push({ metric, labels, value, time: t });
  }
  // A flow that stopped stops being exported too, as with a real exporter's series going stale.
  return out.filter((s) => ratePerSec(s.time) > 0 || s.time < END - HOUR);
}

function history(): Sample[] {
  const samples: Sample[] = [];
  const lastHour = (t: number) => t > END - HOUR;
  for (const f of FLOWS) {
    const labels = {
      k8s_src_owner_name: f.src,
      k8s_dst_owner_name: f.dst,
      k8s_src_namespace: 'shop',
      k8s_dst_namespace: 'shop',
      src_zone: f.srcZone ?? '',
      dst_zone: f.dstZone ?? '',
      transport: 'tcp',
      direction: 'egress',
    };
    samples.push(...counter('beyla_network_flow_bytes_total', labels, (t) => (lastHour(t) ? f.now : f.before)));
  }
  // Bad input a real store holds: a self-loop and a series whose exporter lacked the destination metadata.
  samples.push(
    ...counter(
      'beyla_network_flow_bytes_total',
      {
        k8s_src_owner_name: 'frontend',
        k8s_dst_owner_name: 'frontend',
        k8s_src_namespace: 'shop',
        k8s_dst_namespace: 'shop',
      },
      () => 10
    )
  );
  samples.push(
    ...counter(
      'beyla_network_flow_bytes_total',
      { k8s_src_owner_name: 'frontend', k8s_src_namespace: 'shop', dst_address: '10.0.0.9' },
      () => 10
    )
  );
  // Beyla's inter-zone metric with its default attributes only (no workload labels).
  samples.push(
    ...counter(
      'beyla_network_inter_zone_bytes_total',
      { src_zone: 'eu-1a', dst_zone: 'eu-1b', k8s_cluster_name: 'demo' },
      () => 800
    )
  );
  // Tempo service graph: requests, failures and the server latency histogram.
  const edges: Array<[string, string, number, number]> = [
    ['user', 'frontend', 20, 0],
    ['frontend', 'checkout', 10, 1],
    ['checkout', 'payments', 5, 0.5],
  ];
  for (const [client, server, rps, eps] of edges) {
    samples.push(...counter('traces_service_graph_request_total', { client, server }, () => rps));
    samples.push(...counter('traces_service_graph_request_failed_total', { client, server }, () => eps));
    const share: Record<string, number> = { '0.05': 0.5, '0.1': 0.8, '0.5': 0.97, '+Inf': 1 };
    for (const [le, f] of Object.entries(share)) {
      samples.push(
        ...counter('traces_service_graph_request_server_seconds_bucket', { client, server, le }, () => rps * f)
      );
    }
  }
  return samples;
}

const missing = missingBinaries();
const describeStores = missing.length ? describe.skip : describe;
if (missing.length) {
  console.warn(
    `flows-stores: skipped, ${missing.join(', ')} not installed (apt-get install prometheus victoria-metrics)`
  );
}

function ctxFor(
  url: string,
  settings: Partial<FaultlineOptions> = {},
  range = { from: END - HOUR, to: END }
): QueryContext {
  return {
    settings: { prometheusUrl: url, costPerGb: 0.02, timeoutSeconds: 10, ...settings },
    transport: fetchTransport({ prometheus: { url } }),
    range,
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}

const byKey = (edges: FlowEdge[]) => Object.fromEntries(edges.map((e) => [`${e.source}>${e.target}`, e]));
const beyla: FlowQuery = { preset: 'beyla', grouping: 'workload', compareWith: '1h', diffThreshold: 0.5 };

describeStores('flows against real Prometheus and VictoriaMetrics', () => {
  const stores: Store[] = [];

  beforeAll(async () => {
    const samples = history();
    const [prom, vm] = await Promise.all([
      startPrometheus(samples),
      startVictoriaMetrics(samples, 'beyla_network_flow_bytes_total', END),
    ]);
    stores.push(prom, vm);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.stop()));
  });

  const each = (name: string, fn: (store: Store) => Promise<void>) =>
    it.each(['prometheus', 'victoriametrics'])(
      `%s: ${name}`,
      (kind) => fn(stores.find((s) => s.kind === kind)!),
      30_000
    );

  each('builds the Beyla workload graph with rates, zones, diff and cross-zone cost', async (store) => {
    const { graph, notices } = await loadFlowGraph(ctxFor(store.url), beyla);
    const edges = byKey(graph.edges);
    expect(Object.keys(edges).sort()).toEqual(
      [
        'shop/checkout>shop/frontend',
        'shop/checkout>shop/inventory',
        'shop/checkout>shop/payments',
        'shop/frontend>shop/checkout',
        'shop/frontend>shop/shipping',
        'shop/inventory>shop/legacy-erp',
      ].sort()
    );
    expect(edges['shop/frontend>shop/checkout'].bytesRate).toBeCloseTo(2000, -2);
    expect(edges['shop/checkout>shop/payments'].bytesRate).toBeCloseTo(500, -1);
    expect(edges['shop/frontend>shop/shipping'].diff).toBe('new');
    expect(edges['shop/inventory>shop/legacy-erp'].diff).toBe('vanished');
    expect(edges['shop/checkout>shop/payments'].diff).toBe('changed');
    expect(edges['shop/frontend>shop/checkout'].diff).toBe('same');
    // 500 + 300 B/s across zones for an hour, at 0.02 per GB.
    expect(edges['shop/checkout>shop/payments'].crossZoneBytesTotal).toBeCloseTo(500 * 3600, -4);
    expect(graph.totalCost).toBeCloseTo((800 * 3600 * 0.02) / 1e9, 6);
    const texts = notices.map((n) => n.text).join('\n');
    expect(texts).toMatch(/1 series without k8s_src_owner_name\/src_name and k8s_dst_owner_name\/dst_name labels/);
    expect(texts).toMatch(/1 series from a node to itself/);
    expect(texts).toMatch(/inter-zone bytes carry no workload labels/);
  });

  it('answers the same graph from both stores', async () => {
    const [a, b] = await Promise.all(stores.map((s) => loadFlowGraph(ctxFor(s.url), beyla)));
    const ea = byKey(a.graph.edges);
    const eb = byKey(b.graph.edges);
    expect(Object.keys(eb).sort()).toEqual(Object.keys(ea).sort());
    expect(b.graph.nodes.map((n) => n.id).sort()).toEqual(a.graph.nodes.map((n) => n.id).sort());
    for (const key of Object.keys(ea)) {
      expect(eb[key].diff).toBe(ea[key].diff);
      // Prometheus extrapolates increase() to the window edges, VictoriaMetrics does not: allow 2 %.
      const [x, y] = [ea[key].bytesRate ?? 0, eb[key].bytesRate ?? 0];
      expect(Math.abs(x - y)).toBeLessThanOrEqual(0.02 * Math.max(x, y));
    }
  }, 30_000);

  each('builds the service graph with requests, error share and p95 latency through the handler', async (store) => {
    const frames: DataFrame[] = await flowsHandler(
      { refId: 'A', queryType: 'flows', flows: { preset: 'servicegraph' } },
      ctxFor(store.url)
    );
    const [nodes, edges] = frames;
    expect(nodes.name).toBe('nodes');
    expect(nodes.meta?.preferredVisualisationType).toBe('nodeGraph');
    const col = (f: DataFrame, n: string) => f.fields.find((x) => x.name === n)!.values;
    const ids = col(edges, 'id');
    const i = ids.indexOf('frontend->checkout');
    expect(col(edges, 'detail__requests')[i]).toBeCloseTo(10, 0);
    // The stat itself is text, as Grafana's Node Graph prints it (statText.ts).
    expect(col(edges, 'mainstat')[i]).toMatch(/^(9\.\d+|10(\.\d+)?) req\/s$/);
    expect(col(edges, 'detail__error_share')[i]).toBeCloseTo(0.1, 1);
    // 50 % of requests under 50 ms, 80 % under 100 ms: p95 lies in the 0.1-0.5 s bucket.
    expect(col(edges, 'detail__latency_p95')[i]).toBeGreaterThan(0.1);
    expect(col(edges, 'detail__latency_p95')[i]).toBeLessThan(0.5);
    expect(nodes.meta?.executedQueryString).toContain('traces_service_graph_request_total');
  });

  each('groups Beyla flows by namespace and by address', async (store) => {
    const ns = await loadFlowGraph(ctxFor(store.url), { preset: 'beyla', grouping: 'namespace' });
    // Every labelled flow is inside "shop": namespace grouping turns them into self-loops.
    expect(ns.graph.edges).toHaveLength(0);
    const addr = await loadFlowGraph(ctxFor(store.url), { preset: 'beyla', grouping: 'address' });
    expect(addr.notices.map((n) => n.text).join()).toMatch(/series without src_address and dst_address labels/);
  });

  each('runs custom PromQL with $__rate_interval left for the data source to fill', async (store) => {
    const { graph } = await loadFlowGraph(ctxFor(store.url), {
      preset: 'custom',
      customQuery: 'sum by (client, server) (rate(traces_service_graph_request_total[$__rate_interval]))',
      sourceLabel: 'client',
      targetLabel: 'server',
    });
    expect(byKey(graph.edges)['user>frontend'].requestRate).toBeCloseTo(20, 0);
  });

  each('shows a PromQL error as the store states it', async (store) => {
    const err = await loadFlowGraph(ctxFor(store.url), {
      preset: 'custom',
      customQuery: 'sum by (client (up',
      sourceLabel: 'client',
      targetLabel: 'server',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toMatch(/^Prometheus store: HTTP (400|422): .*(parse|unexpected|cannot)/i);
  });

  each('degrades to a notice when the catalog cannot be read', async (store) => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const { graph, notices } = await loadJoinedFlowGraph(
      ctxFor(store.url, { catalogSource: 'backstage', backstageUrl: dead }),
      { preset: 'beyla', joinOwners: true, joinChaos: true }
    );
    expect(graph.edges.length).toBeGreaterThan(0);
    // A catalog that cannot be read costs the owners, not the graph.
    expect(notices).toContainEqual(
      expect.objectContaining({ severity: 'warning', text: expect.stringMatching(/^No owners from the catalog: /) })
    );
    expect(graph.nodes.every((n) => n.owner === undefined)).toBe(true);
  });

  each('refuses a comparison that is not a duration, and takes an empty one as none', async (store) => {
    await expect(loadFlowGraph(ctxFor(store.url), { preset: 'beyla', compareWith: 'yesterday' })).rejects.toThrow(
      InputError
    );
    const { graph } = await loadFlowGraph(ctxFor(store.url), { preset: 'beyla', compareWith: '  ' });
    expect(graph.edges.every((e) => e.diff === undefined)).toBe(true);
  });

  each('answers range queries, series and labels through the same client', async (store) => {
    const client = PrometheusClient.fromSettings(
      { timeoutSeconds: 10 },
      fetchTransport({ prometheus: { url: store.url } })
    );
    const range = await client.queryRange(
      'sum(rate(traces_service_graph_request_total[1m]))',
      END - 10 * 60_000,
      END,
      60_000
    );
    expect(range.data.resultType).toBe('matrix');
    const [series] = range.data.result as Array<{ values: Array<[number, string]> }>;
    expect(series.values.length).toBeGreaterThanOrEqual(10);
    expect(Number(series.values[0][1])).toBeCloseTo(35, 0);
    const found = await client.series(['traces_service_graph_request_total'], END - HOUR, END);
    expect(found.data.map((s) => s.client).sort()).toEqual(['checkout', 'frontend', 'user']);
    expect((await client.labels(END - HOUR, END)).data).toEqual(
      expect.arrayContaining(['k8s_src_owner_name', 'client', 'le'])
    );
  });

  each('lists label values for template variables through the metric-find query', async (store) => {
    const values = await findVariableValues({ kind: 'flowLabelValues', label: 'client' }, ctxFor(store.url));
    expect(values).toEqual([{ text: 'checkout' }, { text: 'frontend' }, { text: 'user' }]);
    await expect(
      findVariableValues({ kind: 'flowLabelValues', label: 'not a label' }, ctxFor(store.url))
    ).rejects.toThrow(InputError);
  });

  each('finds no series for a preset whose metrics the store lacks, and says so', async (store) => {
    const { graph, notices } = await loadFlowGraph(ctxFor(store.url), { preset: 'hubble' });
    expect(graph.edges).toHaveLength(0);
    expect(notices.map((n) => n.text).join()).toMatch(/no series for this preset/);
  });
});

describe('a store that never answers', () => {
  it('fails with a timeout error naming the store', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const err = await loadFlowGraph(ctxFor(url, { timeoutSeconds: 0.2 }), { preset: 'beyla' }).catch((e) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err.message).toMatch(/^Prometheus store: no answer within/);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => server.close(r));
    }
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}
