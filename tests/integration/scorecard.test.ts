/** @jest-environment node */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { DataFrame } from '@grafana/data';
import { QueryContext } from '../../src/datasource/connectors/context';
import type { FaultlineQuery } from '../../src/datasource/types';
import type { FaultlineOptions } from '../../src/datasource/types';
import { missingBinaries, Sample, startPrometheus, Store } from '../support/promstores';

// Node's fetch talks to the backends; @grafana/data wants a window and a document when it loads.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { scorecardHandler } =
  require('../../src/datasource/handlers/scorecard') as typeof import('../../src/datasource/handlers/scorecard');
const { fetchTransport } =
  require('../../src/datasource/http/fetchTransport') as typeof import('../../src/datasource/http/fetchTransport');
const { ruleField } = require('../../src/scorecard/frames') as typeof import('../../src/scorecard/frames');

// The scorecard against real backends: catalog files and Chaos Toolkit journals from a web server
// (which is all those backends are), flows from a real Prometheus loaded with Beyla's metric names.
const DAY = 86_400_000;
const NOW = Date.now();
const STEP = 15_000;
const END = Math.floor((NOW - 60_000) / STEP) * STEP;

const CATALOG = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations: { pagerduty.com/service-id: PCHK, github.com/project-slug: shop/checkout }
  links: [{ url: 'https://runbooks.example.com/checkout', title: Runbook, type: runbook }]
spec: { type: service, lifecycle: production, owner: team-checkout }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations: { pagerduty.com/service-id: PPAY, github.com/project-slug: shop/payments }
spec: { type: service, lifecycle: production, owner: team-payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: shipping
spec: { type: service, lifecycle: experimental, owner: team-fulfilment }
`;

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, '../../src/datasource/connectors/chaos/fixtures/journals', name), 'utf8')
  );

/** A finished journal of the fixture's shape, moved into the rule window and onto `service`. */
function journal(service: string, startedDaysAgo: number, deviated: boolean) {
  const j = fixture('payments-latency-deviated.json');
  const start = NOW - startedDaysAgo * DAY;
  j.experiment.title = `${service} survives latency`;
  j.experiment.tags = [`service:${service}`, 'kind:latency'];
  j.start = new Date(start).toISOString();
  j.end = new Date(start + 120_000).toISOString();
  j.deviated = deviated;
  return j;
}

const FILES: Record<string, unknown> = {
  '/journals/index.json': ['/journals/checkout.json', '/journals/payments.json', '/journals/shipping-old.json'],
  '/journals/checkout.json': journal('checkout', 2, false),
  '/journals/payments.json': journal('payments', 1, true),
  '/journals/shipping-old.json': journal('shipping', 60, false),
};

function flows(): Sample[] {
  const edges = [
    ['checkout', 'payments'],
    ['mystery-batch', 'payments'],
  ];
  const out: Sample[] = [];
  for (const [src, dst] of edges) {
    let value = 0;
    for (let t = END - 3_600_000; t <= END; t += STEP) {
      value += 1000 * (STEP / 1000);
      out.push({
        metric: 'beyla_network_flow_bytes_total',
        labels: {
          k8s_src_owner_name: src,
          k8s_dst_owner_name: dst,
          k8s_src_namespace: 'shop',
          k8s_dst_namespace: 'shop',
        },
        value,
        time: t,
      });
    }
  }
  return out;
}

let server: http.Server;
let base = '';
let prometheus: Store | undefined;
const missing = missingBinaries().filter((b) => b !== 'victoria-metrics');

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/catalog/catalog-info.yaml') {
      return res.writeHead(200, { 'content-type': 'text/yaml' }).end(CATALOG);
    }
    const body = FILES[url.pathname];
    return body
      ? res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      : res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (missing.length === 0) {
    prometheus = await startPrometheus(flows());
  }
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await new Promise<void>((r) => server.close(() => r()));
});

function context(settings: Partial<FaultlineOptions>): QueryContext {
  const transport = fetchTransport({
    catalogfiles: { url: `${base}/catalog` },
    journals: { url: base },
    prometheus: { url: prometheus?.url ?? 'http://127.0.0.1:9' },
  });
  const all: FaultlineOptions = {
    catalogSource: 'catalog-files',
    catalogFilesUrl: 'http://catalog.example',
    catalogFiles: ['catalog-info.yaml'],
    journalsUrl: 'http://runner.example',
    journalIndex: '/journals/index.json',
    timeoutSeconds: 5,
    ...settings,
  };
  return {
    settings: all,
    transport,
    range: { from: END - 3_600_000, to: END },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}

const column = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)?.values;
const row = (f: DataFrame, service: string, name: string) => column(f, name)?.[column(f, 'service')!.indexOf(service)];
const notices = (f: DataFrame) => (f.meta?.notices ?? []).map((n) => n.text);

describe('scorecard query on real backends', () => {
  (missing.length ? it.skip : it)(
    'judges catalog, chaos and flow rules together, least ready first',
    async () => {
      const [frame] = await scorecardHandler(
        { refId: 'A', queryType: 'scorecard', flows: { preset: 'beyla' } } as FaultlineQuery,
        context({ prometheusUrl: 'http://prom.example' })
      );
      expect(notices(frame)).toEqual([]);
      expect(column(frame, 'service')).toEqual(['shipping', 'payments', 'checkout']);
      expect(row(frame, 'checkout', 'score')).toBe(100);
      expect(row(frame, 'payments', ruleField('runbook'))).toBe('fail');
      expect(row(frame, 'payments', ruleField('steadyState'))).toBe('fail');
      expect(row(frame, 'payments', ruleField('knownCallers'))).toBe('fail');
      expect(row(frame, 'payments', 'callers')).toBe('checkout, mystery-batch');
      expect(row(frame, 'payments', 'hint')).toContain('mystery-batch');
      expect(row(frame, 'shipping', ruleField('recentChaos'))).toBe('fail');
      expect(row(frame, 'shipping', ruleField('observed'))).toBe('fail');
      // Not seen, but experimental: no drift, as the drift query lists only silent production services.
      expect(row(frame, 'shipping', ruleField('noDrift'))).toBe('pass');
      expect(row(frame, 'checkout', ruleField('noDrift'))).toBe('pass');
      expect(row(frame, 'checkout', 'callees')).toBe('payments');
      expect(row(frame, 'checkout', 'last_verdict')).toMatch(/^passed/);
    },
    60_000
  );

  it('leaves the flow rules unjudged with a notice when the flow store is down, and still scores', async () => {
    const transport = context({ prometheusUrl: 'http://prom.example' }).transport;
    const down: QueryContext = {
      ...context({ prometheusUrl: 'http://prom.example' }),
      transport: (req) =>
        req.route === 'prometheus'
          ? fetchTransport({ prometheus: { url: 'http://127.0.0.1:9' } })(req)
          : transport(req),
    };
    const [frame] = await scorecardHandler({ refId: 'A', queryType: 'scorecard' } as FaultlineQuery, down);
    expect(notices(frame)).toEqual([expect.stringMatching(/^Flows left out: /)]);
    expect(row(frame, 'payments', ruleField('observed'))).toBe('na');
    expect(row(frame, 'payments', ruleField('noDrift'))).toBe('na');
    expect(row(frame, 'checkout', 'score')).toBe(100);
  }, 30_000);

  it('gives one row per team and filters by team with the catalog filter', async () => {
    const ctx = context({});
    const [teams] = await scorecardHandler(
      { refId: 'A', queryType: 'scorecard', scorecard: { by: 'team' } } as FaultlineQuery,
      ctx
    );
    expect(column(teams, 'team')).toEqual(['team-checkout', 'team-fulfilment', 'team-payments']);
    const [one] = await scorecardHandler(
      { refId: 'A', queryType: 'scorecard', catalog: { owner: 'team-payments' } } as FaultlineQuery,
      ctx
    );
    expect(column(one, 'service')).toEqual(['payments']);
    expect(notices(one)).toEqual(['No Prometheus URL is configured: the flow rules are not judged.']);
  });

  it('narrows the rows to a search text, and ignores a search variable the dashboard lacks', async () => {
    const ctx = context({});
    const [found] = await scorecardHandler(
      { refId: 'A', queryType: 'scorecard', scorecard: { search: 'PAY' } } as FaultlineQuery,
      ctx
    );
    expect(column(found, 'service')).toEqual(['payments']);
    const [all] = await scorecardHandler(
      { refId: 'A', queryType: 'scorecard', scorecard: { search: '$search' } } as FaultlineQuery,
      ctx
    );
    expect(column(all, 'service')).toHaveLength(3);
  });

  it('fails clearly without a catalog', async () => {
    await expect(
      scorecardHandler({ refId: 'A', queryType: 'scorecard' }, context({ catalogSource: 'none' }))
    ).rejects.toThrow(/no service catalog is configured/);
  });
});
