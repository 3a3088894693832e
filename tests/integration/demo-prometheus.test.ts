/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FlowEdge } from '../../src/model';
import { loadFlowGraph } from '../../src/datasource/connectors/flow';
import { PrometheusClient } from '../../src/datasource/connectors/flow/promClient';
import { QueryContext } from '../../src/datasource/connectors/context';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { freeDemoPorts } from '../support/demoPorts';

// The demo services and Prometheus module are CommonJS shared with `npm run demo`.
/* eslint-disable @typescript-eslint/no-require-imports */
const services = require('../../demo/services/service.js');
const prometheus = require('../../demo/prometheus/service.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, '..', '..');
const dashboard = JSON.parse(fs.readFileSync(path.join(root, 'src', 'dashboards', 'service-health.json'), 'utf8'));
const available = fs.existsSync('/usr/bin/prometheus');
const describeIf = available ? describe : describe.skip;

type Handle = { url: string; stop: () => Promise<void> };
const started: Handle[] = [];
let stateDir = '';
let promUrl = '';
let proxies: Record<string, number> = {};
let client: PrometheusClient;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ctxFor(range: { from: number; to: number }): QueryContext {
  return {
    settings: { prometheusUrl: promUrl, timeoutSeconds: 10 },
    transport: fetchTransport({ prometheus: { url: promUrl } }),
    range,
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}

/** The dashboard's PromQL for one service, with the interval Grafana would fill in. */
function panelQueries(service: string): Array<{ panel: string; legend: string; expr: string }> {
  return dashboard.panels
    .filter((p: { datasource: { type: string } }) => p.datasource.type === 'prometheus')
    .flatMap((p: { title: string; targets: Array<{ expr: string; legendFormat: string }> }) =>
      p.targets.map((t) => ({
        panel: p.title,
        legend: t.legendFormat,
        expr: t.expr.replace(/\$service/g, service).replace(/\$__rate_interval/g, '30s'),
      }))
    );
}

async function value(expr: string): Promise<number | undefined> {
  const { data } = await client.queryVector(expr, Date.now());
  return data.length ? Number(data[0].value[1]) : undefined;
}

describeIf('demo services scraped by the demo Prometheus', () => {
  beforeAll(async () => {
    const ports = await freeDemoPorts(['prometheus', 'ebpfExporter']);
    proxies = ports.faultProxies;
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-demo-prom-'));
    const ctx = { root, stateDir, ports, log: () => undefined, loadRps: 10 };
    started.push(await services.start(ctx));
    started.push(await prometheus.start(ctx));
    promUrl = started[1].url;
    client = PrometheusClient.fromSettings({ timeoutSeconds: 10 }, fetchTransport({ prometheus: { url: promUrl } }));
    // Half of the calls to payments fail at its proxy, so error series exist and are not zero.
    const res = await fetch(`http://127.0.0.1:${proxies.payments}/__faultline/fault`, {
      method: 'POST',
      body: JSON.stringify({ errorRate: 0.5, seconds: 120 }),
    });
    expect(res.status).toBe(200);
    // rate() needs two scrapes of every target after the fault began; scrape offsets differ per target.
    for (let i = 0; i < 60; i++) {
      const scrapes = await value('min(count_over_time(up{job="faultline-demo-services"}[20s]))').catch(
        () => undefined
      );
      const failing = await value('sum(rate(traces_service_graph_request_failed_total{server="payments"}[30s]))').catch(
        () => undefined
      );
      if (scrapes !== undefined && scrapes >= 3 && failing !== undefined && failing > 0) {
        break;
      }
      await sleep(1000);
    }
  }, 120000);

  afterAll(async () => {
    for (const h of started.reverse()) {
      await h.stop();
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('scrapes all five services, and reports the missing eBPF exporter as down', async () => {
    const { data } = await client.queryVector('up', Date.now());
    const byJob = (job: string) => data.filter((s) => s.metric.job === job).map((s) => Number(s.value[1]));
    expect(byJob('faultline-demo-services')).toEqual([1, 1, 1, 1, 1]);
    expect(byJob('faultline-demo-traffic')).toEqual([1]);
    expect(byJob('faultline-ebpf-exporter')).toEqual([0]);
  });

  it('answers every Prometheus query of the Service health dashboard with a number', async () => {
    for (const q of panelQueries('payments')) {
      const v = await value(q.expr);
      expect({ ...q, finite: v !== undefined && Number.isFinite(v) }).toEqual({ ...q, finite: true });
    }
  });

  it('shows the injected errors of payments as its callers see them, and none as it served', async () => {
    const [seen, served] = panelQueries('payments').filter((q) => q.panel.startsWith('Error rate'));
    expect(await value(seen.expr)).toBeGreaterThan(0.2);
    expect(await value(served.expr)).toBe(0);
    const [healthySeen] = panelQueries('inventory').filter((q) => q.panel.startsWith('Error rate'));
    expect(await value(healthySeen.expr)).toBe(0);
  });

  it('draws the demo topology with the servicegraph flow preset, failures on the faulty edge', async () => {
    const now = Date.now();
    const { graph } = await loadFlowGraph(ctxFor({ from: now - 120_000, to: now }), { preset: 'servicegraph' });
    const edges = Object.fromEntries(graph.edges.map((e: FlowEdge) => [`${e.source}>${e.target}`, e]));
    expect(Object.keys(edges).sort()).toEqual(
      [
        'checkout>inventory',
        'checkout>payments',
        'checkout>shipping',
        'frontend>checkout',
        'frontend>inventory',
        // The demo's uncatalogued audit job: its deliberate catalog drift.
        'stock-audit>inventory',
        'user>frontend',
      ].sort()
    );
    expect(edges['checkout>payments'].errorRate).toBeGreaterThan(0);
    expect(edges['checkout>shipping'].errorRate ?? 0).toBe(0);
    expect(edges['user>frontend'].requestRate).toBeGreaterThan(0);
  });
});
