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
const { experimentEnv, writeExperiment, EXPERIMENTS } = require('../../demo/chaos-runner/experiment.js');
const { lastError } = require('../../demo/chaos-runner/chaosRun.js');
const { tracingControlFiles } = require('../../demo/chaos-runner/tracing.js');
const { JournalStore, runId } = require('../../demo/chaos-runner/store.js');
const { pickScheduled } = require('../../demo/chaos-runner/schedule.js');
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
  type Env = { type: 'env'; key: string; default?: string };
  const read = (fault: string) => JSON.parse(fs.readFileSync(path.join(EXPERIMENTS, `${fault}.json`), 'utf8'));

  it('every experiment file gets from the runner each variable it declares without a default', () => {
    for (const fault of FAULTS) {
      const e = read(fault);
      const env = experimentEnv(parseRunRequest({ fault, target: 'inventory', seconds: 10 }, SERVICES), ports);
      const needed = (Object.values(e.configuration) as Env[]).filter(
        (c) => c.type === 'env' && c.default === undefined
      );
      expect([fault, needed.filter((c) => env[c.key] === undefined).map((c) => c.key)]).toEqual([fault, []]);
      expect(e.tags).toEqual(['faultline', `fault:${fault}`]);
      expect(e.method[0].name).toBe(`inject-${fault}`);
      expect(e.rollbacks[0].name).toBe(`remove-${fault}`);
    }
    const env = experimentEnv(parseRunRequest({ fault: 'kill', target: 'payments', seconds: 10 }, SERVICES), ports, {
      prometheusUrl: 'http://127.0.0.1:9999',
    });
    // The injection expires on its own after the run plus a safety margin.
    expect(env).toMatchObject({
      FAULTLINE_CONTROL_URL: 'http://127.0.0.1:8203/__faultline',
      FAULTLINE_SAFETY_SECONDS: '40',
      FAULTLINE_HALF_SECONDS: '5',
      FAULTLINE_PROMETHEUS_URL: 'http://127.0.0.1:9999',
    });
  });

  it('the experiment as run names its target in a tag, the one thing configuration cannot fill', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-exp-'));
    const file = writeExperiment({ fault: 'latency', target: 'shipping' }, dir);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).tags).toEqual(['faultline', 'fault:latency', 'service:shipping']);
    expect(read('latency').tags).toEqual(['faultline', 'fault:latency']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes the reason a run was refused from Chaos Toolkit's log lines", () => {
    const log =
      '\x1b[31m[2026-12-01 10:08:00 ERROR] Configuration makes reference to an environment key that does not exist: X\x1b[0m\n';
    expect(lastError(log)).toBe('Configuration makes reference to an environment key that does not exist: X');
    expect(lastError('Traceback\nValueError: nope\n')).toBe('ValueError: nope');
  });

  it('loads the tracing control only when a collector is configured', () => {
    const toolkit = { python: process.execPath };
    expect(tracingControlFiles(toolkit, undefined, {})).toEqual([]);
    const said: string[] = [];
    // node is no Python: the control counts as not installed, and the runner says so.
    expect(
      tracingControlFiles(toolkit, (m: string) => said.push(m), {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      })
    ).toEqual([]);
    expect(said[0]).toMatch(/chaostoolkit-opentracing is not installed/);
  });

  it('names runs sortably', () => {
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

describe('journal store', () => {
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-journals-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adopts the journals Chaos Toolkit wrote, serves only safe ids, and keeps the index sorted', () => {
    const jdir = path.join(dir, 'journals');
    const store = new JournalStore(jdir);
    for (const id of ['20261126T090000Z-payments-kill', '20261126T080000Z-shipping-errors']) {
      fs.writeFileSync(path.join(dir, `${id}.ctk.json`), JSON.stringify({ status: 'completed', id }));
      store.adopt(id, path.join(dir, `${id}.ctk.json`));
    }
    expect(store.index()).toEqual([
      '/journals/20261126T080000Z-shipping-errors.json',
      '/journals/20261126T090000Z-payments-kill.json',
    ]);
    expect(JSON.parse(store.read('20261126T090000Z-payments-kill')).id).toBe('20261126T090000Z-payments-kill');
    expect(store.read('../journals/20261126T090000Z-payments-kill')).toBeUndefined();
    expect(store.read('nope')).toBeUndefined();
  });
});

describe('Service health dashboard', () => {
  const root = path.resolve(__dirname, '..', '..');
  const read = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(root, ...p), 'utf8'));
  const dashboard = read('src', 'dashboards', 'service-health.json');
  type Variable = {
    name: string;
    type: string;
    query: string | { kind: string };
    datasource?: { uid: string; type: string };
  };
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

describe('the demo’s clusters in docker compose', () => {
  const root = path.resolve(__dirname, '..', '..');
  const { clusterBConfig, globalViewConfig } = require('../../demo/prometheus/config.js'); // eslint-disable-line @typescript-eslint/no-require-imports
  const YAML = require('yaml'); // eslint-disable-line @typescript-eslint/no-require-imports
  const compose = (file: string) => YAML.parse(fs.readFileSync(path.join(root, 'provisioning-compose', file), 'utf8'));

  it('configures cluster b and the global view as `npm run demo` does, on the ports of demo/PORTS.md', () => {
    expect(compose('prometheus-b.yml')).toEqual(YAML.parse(clusterBConfig({ exporter: 9402 })));
    expect(compose('prometheus-global.yml')).toEqual(YAML.parse(globalViewConfig({ sources: [9090, 9091] })));
    expect(compose('prometheus.yml').global.external_labels).toEqual({ cluster: 'a' });
  });
});
