/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The pure parts of the demo services and chaos runner (CommonJS, shared with `npm run demo`).
/* eslint-disable @typescript-eslint/no-require-imports */
const { Registry, recordEdge } = require('../../demo/services/metrics.js');
const { parseFault, activeFault } = require('../../demo/services/faults.js');
const { resolvePorts, SERVICES } = require('../../demo/services/topology.js');
const { parseRunRequest, FAULTS } = require('../../demo/chaos-runner/faults.js');
const { experimentFor } = require('../../demo/chaos-runner/experiment.js');
const { withinTolerance, iso } = require('../../demo/chaos-runner/activities.js');
const { executeRun } = require('../../demo/chaos-runner/run.js');
const { JournalStore, runId } = require('../../demo/chaos-runner/store.js');
const { pickScheduled } = require('../../demo/chaos-runner/schedule.js');
const proc = require('../../scripts/lib/processes.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const ports = resolvePorts();

describe('metrics exposition', () => {
  it('writes cumulative histogram buckets and escaped labels that promtool accepts', () => {
    const r = new Registry();
    recordEdge(r, 'checkout', 'payments', 0.03, false);
    recordEdge(r, 'checkout', 'payments', 0.7, true);
    r.inc('http_server_requests_total', 'HTTP requests served', { service: 'a"b\\c', route: '/', code: '200' });
    const text: string = r.text();
    expect(text).toContain('traces_service_graph_request_total{client="checkout",server="payments"} 2');
    expect(text).toContain('traces_service_graph_request_failed_total{client="checkout",server="payments"} 1');
    expect(text).toContain(
      'traces_service_graph_request_server_seconds_bucket{client="checkout",server="payments",le="0.05"} 1'
    );
    expect(text).toContain(
      'traces_service_graph_request_server_seconds_bucket{client="checkout",server="payments",le="1"} 2'
    );
    expect(text).toContain(
      'traces_service_graph_request_server_seconds_bucket{client="checkout",server="payments",le="+Inf"} 2'
    );
    expect(text).toContain('traces_service_graph_request_server_seconds_count{client="checkout",server="payments"} 2');
    expect(text).toContain('service="a\\"b\\\\c"');
    if (fs.existsSync('/usr/bin/promtool')) {
      // promtool exits 1 on a parse error or a lint finding, printing which line.
      expect(execFileSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })).toBe('');
    }
  });
});

describe('fault requests', () => {
  it('accepts a bounded fault and refuses nonsense with the field named', () => {
    const f = parseFault({ latencyMs: 500, seconds: 10 });
    expect(f).toEqual(expect.objectContaining({ latencyMs: 500, errorRate: 0, status: 503 }));
    expect(activeFault(f)).toBe(f);
    expect(activeFault(f, f.until + 1)).toBeUndefined();
    expect(() => parseFault({ errorRate: 2 })).toThrow('errorRate must be a number from 0 to 1');
    expect(() => parseFault({ seconds: 10 })).toThrow('a fault needs latencyMs > 0 or errorRate > 0');
    expect(() => parseFault([1])).toThrow(/expected a JSON object/);
  });

  it('validates run requests and fills the defaults', () => {
    expect(parseRunRequest({ fault: 'cpu', target: 'checkout' }, SERVICES)).toEqual({
      fault: 'cpu',
      target: 'checkout',
      seconds: 30,
      latencyMs: 1200,
      errorRate: 1,
    });
    expect(() => parseRunRequest(undefined, SERVICES)).toThrow(/expected a JSON object/);
    expect(() => parseRunRequest({ fault: 'errors', target: 'payments', errorRate: 0 }, SERVICES)).toThrow(/errorRate/);
    expect(() => parseRunRequest({ fault: 'latency', target: 'payments', seconds: '30' }, SERVICES)).toThrow(/seconds/);
  });

  it('takes ports from ctx.ports over demo/PORTS.md', () => {
    const p = resolvePorts({ services: { payments: 9999 }, chaosRunner: 1234 });
    expect(p.services).toEqual(expect.objectContaining({ payments: 9999, frontend: 8101 }));
    expect(p.faultProxies.payments).toBe(8203);
    expect(p.chaosRunner).toBe(1234);
  });
});

describe('experiments', () => {
  it('tags the target service and the fault, and rolls back what it injects', () => {
    for (const fault of FAULTS) {
      const e = experimentFor(parseRunRequest({ fault, target: 'inventory', seconds: 10 }, SERVICES), ports);
      expect(e.tags).toEqual(['faultline', 'service:inventory', `fault:${fault}`]);
      expect(e.method[0].name).toBe(`inject-${fault}-inventory`);
      expect(e.rollbacks[0].name).toBe(`remove-${fault}-inventory`);
      expect(e['steady-state-hypothesis'].probes.map((p: { name: string }) => p.name)).toEqual([
        'frontend-error-rate',
        'frontend-p95-latency',
      ]);
    }
    const kill = experimentFor(parseRunRequest({ fault: 'kill', target: 'payments', seconds: 10 }, SERVICES), ports);
    // The injection expires on its own after the run plus a safety margin.
    expect(kill.method[0].provider).toEqual(
      expect.objectContaining({
        url: 'http://127.0.0.1:8203/__faultline/kill',
        method: 'POST',
        arguments: { seconds: 40 },
      })
    );
  });

  it('judges a probe output against a range tolerance', () => {
    const t = { type: 'range', range: [0, 0.05], target: 'error_rate' };
    expect(withinTolerance(t, { error_rate: 0.05 })).toBe(true);
    expect(withinTolerance(t, { error_rate: 0.5 })).toBe(false);
    expect(withinTolerance(t, { p95_seconds: 0.1 })).toBe(false);
  });

  it('writes timezone-aware timestamps with microseconds, as chaoslib 1.44 does', () => {
    expect(iso(Date.UTC(2026, 10, 26, 8, 5, 3, 42))).toBe('2026-11-26T08:05:03.042000+00:00');
    expect(runId({ target: 'payments', fault: 'kill' }, Date.UTC(2026, 10, 26, 8, 5, 3, 42))).toBe(
      '20261126T080503Z-payments-kill'
    );
  });

  it('schedules every fault and every target over a few hours', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const picks = Array.from({ length: 80 }, () => pickScheduled(random));
    expect(new Set(picks.map((p) => p.fault))).toEqual(new Set(FAULTS));
    expect(new Set(picks.map((p) => p.target))).toEqual(new Set(SERVICES));
    for (const p of picks) {
      expect(() => parseRunRequest(p, SERVICES)).not.toThrow();
    }
  });
});

describe('runs and journals', () => {
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-journals-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('does not inject anything when the steady state is not met before', async () => {
    // Nothing listens on the frontend port: every probe request fails.
    const dead = await proc.freePort();
    const spec = parseRunRequest({ fault: 'errors', target: 'payments', seconds: 1 }, SERVICES);
    const experiment = experimentFor(spec, resolvePorts({ faultProxies: { frontend: dead, payments: dead } }));
    const saved: unknown[] = [];
    const journal = await executeRun(experiment, async (j: object) => void saved.push(JSON.parse(JSON.stringify(j))));
    expect(journal.steady_states.before.steady_state_met).toBe(false);
    expect(journal.steady_states.before.probes[0].output).toEqual(expect.objectContaining({ error_rate: 1 }));
    expect(journal).toEqual(expect.objectContaining({ status: 'failed', deviated: false, run: [], rollbacks: [] }));
    // The first save is the open journal of a run in progress: no status, no end.
    expect(saved[0]).toEqual(
      expect.objectContaining({ status: null, steady_states: { before: null, after: null, during: [] } })
    );
    expect(saved[0]).not.toHaveProperty('end');
  });

  it('closes a journal left open by a runner that died, serves only safe ids, and keeps the index sorted', async () => {
    const jdir = path.join(dir, 'journals');
    fs.mkdirSync(jdir);
    fs.writeFileSync(
      path.join(jdir, '20261126T090000Z-payments-kill.json'),
      JSON.stringify({ start: '2026-11-26T09:00:00.000000+00:00', status: null })
    );
    const store = new JournalStore(jdir);
    await store.write('20261126T080000Z-shipping-errors', { status: 'completed' });
    expect(store.index()).toEqual([
      '/journals/20261126T080000Z-shipping-errors.json',
      '/journals/20261126T090000Z-payments-kill.json',
    ]);
    const closed = JSON.parse(store.read('20261126T090000Z-payments-kill'));
    expect(closed.status).toBe('interrupted');
    expect(closed.end).toMatch(/\+00:00$/);
    expect(store.read('../journals/20261126T090000Z-payments-kill')).toBeUndefined();
    expect(store.read('nope')).toBeUndefined();
  });
});

describe('Service health dashboard', () => {
  const root = path.resolve(__dirname, '..', '..');
  const read = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(root, ...p), 'utf8'));
  const dashboard = read('src', 'dashboards', 'service-health.json');
  type Variable = { name: string; type: string; query: string | { kind: string }; datasource?: { uid: string; type: string } };
  const variables: Variable[] = dashboard.templating.list;

  it('names every data source through a data source variable of its type, uses panel plugins of this bundle and query types the data source has', () => {
    const { QUERY_TYPES, VARIABLE_KINDS } = require('../../src/datasource/types/query.types'); // eslint-disable-line @typescript-eslint/no-require-imports
    const pluginIds = ['panels/ownership', 'panels/flowgraph'].map((p) => read('src', p, 'plugin.json').id);
    const targets = [
      ...dashboard.panels.flatMap((p: { targets: object[] }) => p.targets),
      dashboard.annotations.list[1].target,
    ];
    const byVariable = new Map(variables.filter((v) => v.type === 'datasource').map((v) => [`\${${v.name}}`, v.query]));
    for (const ds of [
      ...dashboard.panels.map((p: { datasource: { uid: string; type: string } }) => p.datasource),
      dashboard.annotations.list[1].datasource,
      ...variables.filter((v) => v.type === 'query').flatMap((v) => (v.datasource ? [v.datasource] : [])),
    ]) {
      expect(byVariable.get(ds.uid)).toBe(ds.type);
    }
    for (const p of dashboard.panels) {
      expect(['timeseries', 'table', ...pluginIds]).toContain(p.type);
    }
    for (const t of targets.filter((t: { queryType?: string }) => t.queryType)) {
      expect(QUERY_TYPES).toContain(t.queryType);
    }
    expect(VARIABLE_KINDS).toContain((variables.find((v) => v.name === 'service')?.query as { kind: string }).kind);
    expect(read('src', 'plugin.json').includes).toContainEqual(
      expect.objectContaining({ type: 'dashboard', path: 'dashboards/service-health.json' })
    );
  });
});
