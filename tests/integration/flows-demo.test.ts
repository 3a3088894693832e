/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FlowGraph } from '../../src/model';
import { loadJoinedFlowGraph as loadFlowGraph } from '../../src/datasource/joins';
import { freeDemoPorts } from '../support/demoPorts';
import { demoContext, serveDemoCatalog } from '../support/demoContext';
import { FlowQuery } from '../../src/datasource/types';

// The demo as `npm run demo` starts it (CommonJS service modules), on free ports: the eBPF
// exporter (when this machine can run eBPF), the five services, Prometheus and the chaos runner,
// plus the demo catalog served as catalog-info.yaml files.
/* eslint-disable @typescript-eslint/no-require-imports */
const exporter = require('../../demo/ebpf-exporter/service.js');
const services = require('../../demo/services/service.js');
const prometheus = require('../../demo/prometheus/service.js');
const chaosRunner = require('../../demo/chaos-runner/service.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, '..', '..');
const NAMES = ['frontend', 'checkout', 'payments', 'inventory', 'shipping'];
const available = fs.existsSync('/usr/bin/prometheus');
const describeIf = available ? describe : describe.skip;
if (!available) {
  console.warn('flows-demo: skipped, /usr/bin/prometheus is missing (apt-get install prometheus)');
}

const started: Array<{ url: string; stop: () => Promise<void> }> = [];
let closeCatalog = async () => undefined as void;
let stateDir = '';
let urls = { prometheus: '', journals: '', catalog: '' };
let ebpf = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ctx = () => demoContext(urls, 5 * 60_000, { costPerGb: 0.01 });

/** Polls the flows query until `done` holds (scrapes and rates need a few seconds). */
async function flowsUntil(query: FlowQuery, done: (g: FlowGraph) => boolean): Promise<FlowGraph> {
  let graph: FlowGraph = { nodes: [], edges: [] };
  for (let i = 0; i < 60 && !done(graph); i++) {
    graph = (await loadFlowGraph(ctx(), query)).graph;
    if (!done(graph)) {
      await sleep(1000);
    }
  }
  return graph;
}

const node = (g: FlowGraph, id: string) => g.nodes.find((n) => n.id === id);
const CALLS = [
  ['frontend', 'checkout'],
  ['checkout', 'payments'],
  ['checkout', 'inventory'],
  ['checkout', 'shipping'],
];
/** The run is seen and every call around checkout has had the two scrapes a rate needs. */
const ready = (g: FlowGraph, measured: (rate: number | undefined) => boolean) =>
  node(g, 'checkout')?.chaos === 'target' &&
  CALLS.every(([s, t]) =>
    g.edges.some((e) => e.source === s && e.target === t && measured(e.requestRate ?? e.bytesRate))
  );

describeIf('the demo flow map: owners from the catalog and a chaos run’s blast radius', () => {
  beforeAll(async () => {
    const ports = await freeDemoPorts(['prometheus', 'chaosRunner', 'ebpfExporter']);
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-flows-demo-'));
    const demoCtx = {
      root,
      stateDir,
      ports,
      log: () => undefined,
      loadRps: 10,
      chaos: { intervalSeconds: 0, firstRunDelaySeconds: -1 },
    };
    // First, as in the demo: connections opened before the probes attach are never seen.
    try {
      started.push(await exporter.start(demoCtx));
      ebpf = started[0].url;
    } catch (e) {
      console.warn(
        `flows-demo: no eBPF flows on this machine, the servicegraph preset alone is checked: ${(e as Error).message}`
      );
    }
    started.push(await services.start(demoCtx));
    const prom = await prometheus.start(demoCtx);
    started.push(prom);
    const runner = await chaosRunner.start(demoCtx);
    started.push(runner);
    const catalog = await serveDemoCatalog();
    closeCatalog = catalog.close;
    urls = {
      prometheus: prom.url,
      journals: runner.url,
      catalog: catalog.url,
    };
    const run = await fetch(`${runner.url}/runs`, {
      method: 'POST',
      body: JSON.stringify({ fault: 'errors', target: 'checkout', seconds: 5 }),
    });
    expect(run.status).toBe(202);
  }, 120_000);

  afterAll(async () => {
    for (const h of started.reverse()) {
      await h.stop();
    }
    await closeCatalog();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('servicegraph preset: the demo topology with owners, and checkout’s run marked with its callers and callees', async () => {
    const query: FlowQuery = { preset: 'servicegraph', joinOwners: true, joinChaos: true };
    const g = await flowsUntil(query, (x) => ready(x, (r) => r !== undefined));
    expect(node(g, 'checkout')).toMatchObject({ chaos: 'target' });
    expect(node(g, 'frontend')?.chaos).toBe('upstream');
    for (const callee of ['payments', 'inventory', 'shipping']) {
      expect(node(g, callee)?.chaos).toBe('downstream');
    }
    for (const name of NAMES) {
      expect(node(g, name)?.owner).toEqual(expect.any(String));
    }
    expect(node(g, 'payments')?.owner).toBe('Payments');
  }, 90_000);

  it('beyla preset on live kernel flows: the same services, owners and blast radius', async () => {
    if (!ebpf) {
      return;
    }
    const query: FlowQuery = { preset: 'beyla', joinOwners: true, joinChaos: true };
    const g = await flowsUntil(query, (x) => ready(x, (r) => (r ?? 0) > 0));
    const edge = g.edges.find((e) => e.source === 'frontend' && e.target === 'checkout');
    expect(edge?.bytesRate).toBeGreaterThan(0);
    expect(node(g, 'checkout')?.chaos).toBe('target');
    expect(node(g, 'payments')).toMatchObject({ owner: 'Payments', zone: 'zone-b' });
    // checkout (zone-a) -> payments (zone-b) crosses zones and is priced.
    expect(g.edges.find((e) => e.source === 'checkout' && e.target === 'payments')?.cost).toBeGreaterThan(0);
  }, 90_000);
});
