/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { DataFrame } from '@grafana/data';
import { EdgeField, FlowDetail, NodeField } from '../../src/model';
import { clustersHandler, flowsHandler } from '../../src/datasource/handlers/flows';
import { FaultlineOptions, FaultlineQuery, FlowQuery } from '../../src/datasource/types';
import { freeDemoPorts } from '../support/demoPorts';
import { demoContext, serveDemoCatalog } from '../support/demoContext';

// The demo's two clusters as `npm run demo` starts them, on free ports: the five services scraped by
// cluster a's Prometheus, cluster b's flow exporter and Prometheus, and the global view federating
// both, read with the data source settings of provisioning/datasources/faultline.yaml.
/* eslint-disable @typescript-eslint/no-require-imports */
const services = require('../../demo/services/service.js');
const prometheus = require('../../demo/prometheus/service.js');
const clusterB = require('../../demo/cluster-b/service.js');
const globalView = require('../../demo/global-view/service.js');
const { CALLS } = require('../../demo/cluster-b/flows.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, '..', '..');
const available = fs.existsSync('/usr/bin/prometheus');
const describeIf = available ? describe : describe.skip;
if (!available) {
  console.warn('demo-clusters: skipped, /usr/bin/prometheus is missing (apt-get install prometheus)');
}

/** The demo data source's settings, as provisioned. */
const provisioned = (): Partial<FaultlineOptions> => {
  const file = YAML.parse(fs.readFileSync(path.join(root, 'provisioning', 'datasources', 'faultline.yaml'), 'utf8'));
  return file.datasources.find((d: { type: string }) => d.type === 'faultline-datasource').jsonData;
};
const settings = provisioned();
// Its flow settings on the test's ports (the catalog is read from files, not the demo's Backstage).
const flowSettings: Partial<FaultlineOptions> = {
  flowClusterLabel: settings.flowClusterLabel,
  costPerGb: settings.costPerGb,
  crossClusterCostPerGb: settings.crossClusterCostPerGb,
};

const started: Array<{ stop: () => Promise<void> }> = [];
let closeCatalog = async () => undefined as void;
const stateDirs: string[] = [];
let urls = { prometheus: '', journals: '', catalog: '' };

const RANGE_SECONDS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Rows = Array<Record<string, unknown>>;
/** A frame's rows as objects keyed by field name. */
const rows = (f: DataFrame | undefined): Rows =>
  f ? Array.from({ length: f.length }, (_, i) => Object.fromEntries(f.fields.map((x) => [x.name, x.values[i]]))) : [];

async function run(queryType: 'flows' | 'clusters', flows: FlowQuery): Promise<DataFrame[]> {
  const query: FaultlineQuery = { refId: 'A', queryType, flows };
  // journals: none started; the chaos join then only notes that it could not read them.
  return (queryType === 'flows' ? flowsHandler : clustersHandler)(
    query,
    demoContext(urls, RANGE_SECONDS * 1000, flowSettings)
  );
}

/** Polls the flows query until `done` holds on its nodes and edges (scrapes, federation and rates take seconds). */
async function flowsUntil(flows: FlowQuery, done: (nodes: Rows, edges: Rows) => boolean) {
  let nodes: Rows = [];
  let edges: Rows = [];
  for (let i = 0; i < 90; i++) {
    const frames = await run('flows', flows);
    nodes = rows(frames.find((f) => f.name === 'nodes'));
    edges = rows(frames.find((f) => f.name === 'edges'));
    if (done(nodes, edges)) {
      break;
    }
    await sleep(1000);
  }
  return { nodes, edges };
}

const edgeKey = (e: Record<string, unknown>) => `${e[EdgeField.source]}>${e[EdgeField.target]}`;
const crossing = 'payments@a>ledger@b';
const A_SERVICES = ['frontend', 'checkout', 'payments', 'inventory', 'shipping'];

describeIf('the demo’s two clusters on one flow map, through the global view', () => {
  beforeAll(async () => {
    const ports = await freeDemoPorts(['prometheus', 'prometheusB', 'prometheusGlobal', 'clusterBExporter']);
    const ctx = (name: string) => {
      const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), `faultline-demo-${name}-`));
      stateDirs.push(stateDir);
      return { root, stateDir, ports, log: () => undefined, loadRps: 10 };
    };
    started.push(await services.start(ctx('services')));
    started.push(await prometheus.start(ctx('prometheus')));
    started.push(await clusterB.start(ctx('cluster-b')));
    const global = await globalView.start(ctx('global-view'));
    started.push(global);
    const catalog = await serveDemoCatalog();
    closeCatalog = catalog.close;
    urls = { prometheus: global.url, journals: 'http://127.0.0.1:9', catalog: catalog.url };
  }, 120_000);

  afterAll(async () => {
    for (const h of started.reverse()) {
      await h.stop();
    }
    await closeCatalog();
    stateDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it('provisions the global view with a cluster label and a cross-cluster price', () => {
    expect(settings).toMatchObject({ prometheusUrl: 'http://127.0.0.1:9092', flowClusterLabel: 'cluster' });
    expect(settings.crossClusterCostPerGb).toBeGreaterThan(settings.costPerGb!);
  });

  it('service graph: both clusters’ workloads as nodes of their cluster, and the call between them marked', async () => {
    const flows: FlowQuery = { preset: 'servicegraph', joinOwners: true };
    // Cluster a's calls appear as the load generator reaches them, cluster b's at once.
    const expected = [...A_SERVICES.map((s) => `${s}@a`), 'ledger@b', 'audit-log@b'];
    const { nodes, edges } = await flowsUntil(
      flows,
      (n, e) =>
        e.some((x) => edgeKey(x) === crossing && Number(x[FlowDetail.requests]) > 0) &&
        expected.every((id) => n.some((x) => x[NodeField.id] === id))
    );
    const cluster = (id: string) => nodes.find((n) => n[NodeField.id] === id)?.[FlowDetail.cluster];
    for (const name of A_SERVICES) {
      expect([name, cluster(`${name}@a`)]).toEqual([name, 'a']);
    }
    for (const c of CALLS as Array<{ client: string; clientCluster?: string; server: string }>) {
      expect(edges.map(edgeKey)).toContain(`${c.client}@${c.clientCluster ?? 'b'}>${c.server}@b`);
      expect(cluster(`${c.server}@b`)).toBe('b');
    }
    // Every series of the global view carries its cluster: no node of unknown cluster.
    expect(nodes.filter((n) => !n[FlowDetail.cluster])).toEqual([]);
    const cross = edges.filter((e) => e[FlowDetail.crossCluster]);
    expect(cross.map(edgeKey)).toEqual([crossing]);
    expect(cross[0][FlowDetail.crossCluster]).toBe('a → b');
    // The catalog knows the ledger of cluster b too.
    expect(nodes.find((n) => n[NodeField.id] === 'ledger@b')?.[FlowDetail.owner]).toBe('Payments');
  }, 120_000);

  it('Istio: the call from cluster a into cluster b priced at the cross-cluster price', async () => {
    const { edges } = await flowsUntil({ preset: 'istio' }, (_, e) =>
      e.some((x) => edgeKey(x) === crossing && Number(x[FlowDetail.cost]) > 0)
    );
    const cross = edges.find((e) => edgeKey(e) === crossing)!;
    // The frame holds bytes per second over the query's 5 minutes; the cost is of the bytes in them.
    const gigabytes = (Number(cross[FlowDetail.bytes]) * RANGE_SECONDS) / 1e9;
    expect(gigabytes).toBeGreaterThan(0);
    expect(Number(cross[FlowDetail.cost]) / gigabytes).toBeCloseTo(settings.crossClusterCostPerGb!, 9);
    // Inside cluster b nothing crosses zones or clusters: no price.
    expect(edges.filter((e) => edgeKey(e) !== crossing).map((e) => e[FlowDetail.cost] ?? null)).toEqual(
      edges.filter((e) => edgeKey(e) !== crossing).map(() => null)
    );
  }, 120_000);

  it('clusters overview: one row per cluster with its traffic, error share and owners', async () => {
    let table: Rows = [];
    for (let i = 0; i < 30 && table.length < 2; i++) {
      table = rows((await run('clusters', { preset: 'servicegraph' }))[0]);
      table.length < 2 && (await sleep(1000));
    }
    expect(table.map((r) => r.cluster).sort()).toEqual(['a', 'b']);
    const b = table.find((r) => r.cluster === 'b')!;
    const a = table.find((r) => r.cluster === 'a')!;
    // Requests into cluster b's workloads and the failing share of them, from the exporter's fixed rates.
    type Call = { rps: number; failShare: number };
    const calls = CALLS as Call[];
    const share = calls.reduce((s, c) => s + c.rps * c.failShare, 0) / calls.reduce((s, c) => s + c.rps, 0);
    expect(Number(b.error_share)).toBeCloseTo(share, 3);
    expect(Number(a.traffic)).toBeGreaterThan(0);
    expect(Number(b.traffic)).toBeGreaterThan(0);
    // In cluster b the ledger (Payments, demo/backstage/catalog) takes part in most calls; the audit
    // log (Platform) answers the most failing ones.
    expect(b.busiest_owner).toBe('Payments');
    expect(b.most_failing_owner).toBe('Platform');
    expect(a.busiest_owner).toEqual(expect.any(String));
    expect([a.chaos_runs, b.chaos_runs]).toEqual([0, 0]);
  }, 120_000);
});
