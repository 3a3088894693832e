/**
 * Issue 20: the measured impact of one chaos run on a 10,000-node service graph with 2 hops: store
 * queries per run and time to the table, beside the flow query of the same window from the same
 * run. Goal: the impact costs no more than one flow query on top of it.
 *
 * The store is a loopback HTTP server answering the Prometheus HTTP API's shapes (vector for
 * /api/v1/query, matrix for /api/v1/query_range) from a generated graph, honouring the name regex
 * of a query, so the clients, transport, parsing and mapping are the product's own.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ChaosRun } from '../src/model';
import { QueryContext } from '../src/datasource/connectors/context';
import { loadFlowGraph } from '../src/datasource/connectors/flow';
import { fetchTransport } from '../src/datasource/http/fetchTransport';
import { loadRunImpacts } from '../src/datasource/joins';
import { impactFrame } from '../src/datasource/joins/impactFrame';
import { report, timeMsAsync } from './lib';

const NODES = 10_000;
const name = (i: number) => `svc-${i}`;
/** Every service calls two others: 20,000 edges. */
const EDGES: Array<[number, number]> = [];
for (let i = 0; i < NODES; i++) {
  EDGES.push([i, (i + 1) % NODES], [i, (i * 7 + 3) % NODES]);
}

let requests = 0;
function answer(url: URL): object {
  const q = url.searchParams.get('query') ?? '';
  const t = Number(url.searchParams.get('time') ?? url.searchParams.get('end'));
  const failed = q.includes('failed');
  const latency = q.includes('histogram_quantile');
  const value = (i: number) => String(latency ? 0.05 + (i % 7) / 1000 : failed ? 0 : 10 + (i % 13));
  if (url.pathname === '/api/v1/query') {
    const result = EDGES.map(([s, d], i) => ({ metric: { client: name(s), server: name(d) }, value: [t, value(i)] }));
    return { status: 'success', data: { resultType: 'vector', result } };
  }
  const start = Number(url.searchParams.get('start'));
  const end = Number(url.searchParams.get('end'));
  const step = Number.parseFloat(url.searchParams.get('step') ?? '1');
  const side = /sum by \(le,(\w+)|sum by \((\w+)/.exec(q);
  const label = side?.[1] ?? side?.[2] ?? 'server';
  const only = new RegExp(`${label}=~"([^"]*)"`).exec(q)?.[1];
  const wanted = only ? new Set(only.split('|')) : undefined;
  const result: object[] = [];
  for (let i = 0; i < NODES; i++) {
    if (wanted && !wanted.has(name(i))) {
      continue;
    }
    const values: Array<[number, string]> = [];
    for (let x = start; x <= end; x += step) {
      values.push([x, value(i)]);
    }
    result.push({ metric: { [label]: name(i) }, values });
  }
  return { status: 'success', data: { resultType: 'matrix', result } };
}

async function main() {
  const server = http.createServer((req, res) => {
    requests++;
    const body = JSON.stringify(answer(new URL(req.url ?? '/', 'http://x')));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const now = Date.parse('2026-12-01T12:00:00Z');
  const run: ChaosRun = {
    source: 'chaostoolkit',
    id: 'kill-svc-42',
    name: 'kill svc-42',
    kind: 'kill',
    targets: [name(42)],
    start: now - 10 * 60_000,
    end: now - 5 * 60_000,
    status: 'succeeded',
    labels: {},
    events: [],
  };
  const ctx: QueryContext = {
    settings: { prometheusUrl: url, timeoutSeconds: 60 },
    transport: fetchTransport({ prometheus: { url } }),
    range: { from: now - 3600_000, to: now },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
  const flows = { preset: 'servicegraph' as const, joinOwners: false, joinChaos: false };
  const impact = () => loadRunImpacts(ctx, { flows, runs: [run], impact: { hops: 2 } }, now);

  requests = 0;
  const once = await impact();
  const perRun = requests;
  const measured = once.impacts[0].services.length;
  console.log(
    `graph ${NODES} nodes, ${EDGES.length} edges; run on ${name(42)}: ${measured} services within 2 hops, reach ${once.impacts[0].reach}`
  );
  // The flow query the impact starts from: the same window, the same preset.
  const windowCtx = { ...ctx, range: { from: run.start - 5 * 60_000, to: run.end! + 60_000 } };
  requests = 0;
  await loadFlowGraph(windowCtx, flows);
  const flowQueries = requests;
  const flowMs = await timeMsAsync(() => loadFlowGraph(windowCtx, flows), 3);
  const tableMs = await timeMsAsync(async () => impactFrame((await impact()).impacts), 3);
  server.close();

  report({ name: 'store queries of the flow query', value: flowQueries, unit: 'count' });
  report({
    name: 'store queries per run (impact, 10,000 nodes, 2 hops)',
    value: perRun,
    unit: 'count',
    baseline: { name: 'flow query', value: flowQueries },
    goal: 'bounded: flow query + 2 per measure',
    met: perRun <= flowQueries + 6,
  });
  report({ name: 'flow query of the run window (10,000 nodes)', value: flowMs, unit: 'ms' });
  report({
    name: 'time to the impact table (incl. its flow query)',
    value: tableMs,
    unit: 'ms',
    baseline: { name: 'flow query', value: flowMs },
    goal: '≤ 2× flow query (impact ≤ one flow query on top)',
    met: tableMs <= 2 * flowMs,
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
