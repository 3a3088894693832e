/** @jest-environment node */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { firstValueFrom } from 'rxjs';
import type { DataQueryRequest, DataQueryResponse, DataSourceInstanceSettings } from '@grafana/data';
import type { FaultlineOptions, FaultlineQuery } from '../../src/datasource/types';

// @grafana/data wants a window and a document when it loads; Node's own fetch talks to the servers.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
// The data source module loads @grafana/runtime and @grafana/ui too: lend every browser global
// Node lacks (Element, navigator…), keeping Node's own (fetch, AbortSignal, timers).
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) {
    Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true, writable: true });
  }
}
// uPlot dispatches a CustomEvent on the jsdom window while it loads: it must be jsdom's.
Object.assign(globalThis, { window: dom.window, document: dom.window.document, CustomEvent: dom.window.CustomEvent });
const media = () => ({
  matches: false,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
});
Object.assign(globalThis, { matchMedia: media });
Object.assign(dom.window, { matchMedia: media });
const { FaultlineDataSource } =
  require('../../src/datasource/datasource') as typeof import('../../src/datasource/datasource');
const { fetchTransport } =
  require('../../src/datasource/http/fetchTransport') as typeof import('../../src/datasource/http/fetchTransport');

/*
 * Every backend, failing in every way a backend fails, through the data source as Grafana calls it:
 * the failing query reports which backend failed and what to check; the other query of the same
 * request still returns its frames.
 */
const FAULTS = ['down', 'slow', '5xx', '429', 'html', 'truncated', 'huge'] as const;
type Fault = (typeof FAULTS)[number];
const EXPECT: Record<Fault, RegExp> = {
  down: /cannot connect .*ECONNREFUSED.*check its URL/,
  slow: /no answer within \d+ ms; check that it is up and not overloaded, or raise the timeout/,
  '5xx': /HTTP 500/,
  '429': /rate limited \(429\); try again later/,
  html: /HTML page instead of JSON .*check the URL and authentication/,
  truncated: /malformed JSON/,
  huge: /exceeds the 64 MiB limit and was not read; narrow the query/,
};

const FIXTURES = path.resolve(__dirname, '../../src/datasource/connectors/chaos/fixtures');
const fixture = (p: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, p), 'utf8'));
const FROM = Date.parse('2026-11-26T06:00:00Z');
const TO = Date.parse('2026-11-26T12:00:00Z');
const HUGE = 200 * 1024 * 1024;
const SECRET = 'faultline-hardening-secret-7f3a9c';
let secretsFound = 0;
let responsesScanned = 0;
/** Counts the responses whose errors or frames carry a configured secret. */
function scanForSecrets(res: DataQueryResponse): void {
  responsesScanned++;
  if (JSON.stringify(res).includes(SECRET)) {
    secretsFound++;
  }
}

const CATALOG_YAML = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata: {name: payments, annotations: {pagerduty.com/service-id: PABC123}}',
  'spec: {type: service, lifecycle: production, owner: team-a}',
].join('\n');

/** Healthy answers per route, from the contract fixtures. */
function healthy(route: string, url: URL): unknown {
  const p = url.pathname.slice(route.length + 1);
  switch (route) {
    case 'chaosmesh':
      return (
        {
          '/api/events': fixture('chaosmesh/events.json'),
          '/api/experiments': fixture('chaosmesh/experiments.json'),
          '/api/archives': fixture('chaosmesh/archives.json'),
          '/api/workflows': [],
        }[p] ?? {}
      );
    case 'gremlin':
      return { items: (fixture('gremlin/range-page-1.json') as { items: unknown[] }).items };
    case 'litmus':
      return fixture('litmus/list-page-1.json');
    case 'catalogfiles':
      return CATALOG_YAML;
    case 'opslevel':
      return JSON.parse(
        readFileSync(path.resolve(FIXTURES, '../../catalog/fixtures/opslevel/services-page-2.json'), 'utf8')
      );
    case 'journals':
      return p === '/index.json' ? ['/a.json'] : fixture('journals/payments-latency-deviated.json');
    default:
      return { status: 'success', data: { resultType: 'vector', result: [] } };
  }
}

const faults: Record<string, Fault | undefined> = {};
let server: http.Server;
let base = '';
let closedPort = 0;
let hugeWithLength = true;
let hugeBytesSent = 0;
const closedEarly: string[] = [];

function serve(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  const route = url.pathname.split('/')[1];
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(asText(body));
  req.on('close', () => !res.writableEnded && closedEarly.push(url.pathname));
  switch (faults[route]) {
    case 'slow':
      return void setTimeout(() => !res.destroyed && json(200, healthy(route, url)), 6000).unref();
    case '5xx':
      return json(500, { error: 'internal error: database is locked' });
    case '429':
      return json(429, { message: 'too many requests' }, { 'retry-after': '1' });
    case 'html':
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body><form>Sign in</form></body></html>');
    case 'truncated':
      return res.writeHead(200, { 'content-type': 'application/json' }).end(half(asText(healthy(route, url))));
    case 'huge':
      return sendHuge(res);
    default:
      return json(200, healthy(route, url));
  }
}

const half = (s: string) => s.slice(0, Math.floor(s.length / 2));
/** Catalog files are YAML text; every other backend answers JSON. */
const asText = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

/** 200 MB of a JSON array, written as fast as the client reads, until it hangs up. */
function sendHuge(res: http.ServerResponse) {
  const chunk = Buffer.from(`${'[1,'.repeat((1024 * 1024) / 3)}`.slice(0, 1024 * 1024));
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(hugeWithLength ? { 'content-length': String(HUGE) } : {}),
  });
  let sent = 0;
  const write = () => {
    while (sent < HUGE && !res.destroyed) {
      sent += chunk.length;
      hugeBytesSent += chunk.length;
      if (!res.write(chunk)) {
        return void res.once('drain', write);
      }
    }
    res.end();
  };
  res.on('error', () => undefined);
  write();
}

beforeAll(async () => {
  server = http.createServer(serve);
  server.on('clientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ROUTES = ['chaosmesh', 'litmus', 'gremlin', 'journals', 'prometheus', 'backstage', 'catalogfiles', 'opslevel'];

function dataSource(timeoutSeconds = 1, catalog: Partial<FaultlineOptions> = {}) {
  // Headers as the data proxy adds them from secureJsonData: no error or frame may carry them back.
  const routes = Object.fromEntries(
    ROUTES.map((r) => [
      r,
      {
        url: faults[r] === 'down' ? `http://127.0.0.1:${closedPort}/${r}` : `${base}/${r}`,
        headers: { authorization: `Bearer ${SECRET}-${r}` },
      },
    ])
  );
  const jsonData: FaultlineOptions = {
    chaosMeshUrl: 'http://chaos-mesh.example',
    litmusUrl: 'http://litmus.example',
    litmusProjectId: 'p1',
    gremlinUrl: 'https://api.gremlin.com/v1',
    gremlinTeamId: 't1',
    journalsUrl: 'http://journals.example',
    journalIndex: '/index.json',
    prometheusUrl: 'http://prometheus.example',
    catalogSource: 'backstage',
    backstageUrl: 'http://backstage.example',
    catalogFilesUrl: 'http://git.example/raw',
    catalogFiles: ['/catalog-info.yaml'],
    opslevelUrl: 'https://api.opslevel.com',
    timeoutSeconds,
    ...catalog,
  };
  const settings = {
    id: 1,
    uid: 'faultline',
    type: 'faultline-datasource',
    name: 'Faultline',
    jsonData,
    meta: {},
  } as unknown as DataSourceInstanceSettings<FaultlineOptions>;
  return new FaultlineDataSource(settings, fetchTransport(routes));
}

const request = (targets: FaultlineQuery[]) =>
  ({
    targets,
    range: { from: FROM, to: TO, raw: { from: '', to: '' } },
    scopedVars: {},
    requestId: 'r',
    interval: '1m',
    intervalMs: 60_000,
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
  }) as unknown as DataQueryRequest<FaultlineQuery>;

const chaos = (
  refId: string,
  source: NonNullable<NonNullable<FaultlineQuery['chaos']>['sources']>[number]
): FaultlineQuery => ({ refId, queryType: 'experiments', chaos: { sources: [source] } });

interface Backend {
  name: string;
  route: string;
  query: FaultlineQuery;
  /** Only one catalog is configured at a time. */
  catalog?: Partial<FaultlineOptions>;
  /** What this backend says instead of the JSON wording. */
  expect?: Partial<Record<Fault, RegExp>>;
}
const BACKENDS: Backend[] = [
  { name: 'Chaos Mesh', route: 'chaosmesh', query: chaos('A', 'chaosmesh') },
  { name: 'LitmusChaos', route: 'litmus', query: chaos('A', 'litmus') },
  { name: 'Gremlin', route: 'gremlin', query: chaos('A', 'gremlin') },
  { name: 'Chaos Toolkit journals', route: 'journals', query: chaos('A', 'chaostoolkit') },
  {
    name: 'Prometheus store',
    route: 'prometheus',
    query: { refId: 'A', queryType: 'flows', flows: { preset: 'beyla', joinOwners: false, joinChaos: false } },
  },
  { name: 'Backstage catalog', route: 'backstage', query: { refId: 'A', queryType: 'services' } },
  {
    name: 'Catalog files',
    route: 'catalogfiles',
    query: { refId: 'A', queryType: 'services' },
    catalog: { catalogSource: 'catalog-files' },
    // YAML, not JSON: a cut file is invalid YAML; a login page must not pass for an empty catalog.
    expect: { truncated: /catalog-info.yaml line \d+ is not valid YAML/, html: /HTML page/ },
  },
  {
    name: 'OpsLevel',
    route: 'opslevel',
    query: { refId: 'A', queryType: 'services' },
    catalog: { catalogSource: 'opslevel' },
  },
];

let survived = 0;

describe('a failing backend fails only its own query, saying which backend and what to check', () => {
  afterAll(() =>
    console.log(
      `HARDENING SUMMARY failing backends: ${survived} of ${BACKENDS.length * FAULTS.length} fault scenarios survived (${BACKENDS.length} backends × ${FAULTS.join(', ')}); ` +
        `secrets found in ${responsesScanned} responses (errors and frames): ${secretsFound}`
    )
  );
  beforeEach(() => ROUTES.forEach((r) => (faults[r] = undefined)));

  describe.each(BACKENDS)('$name', (backend) => {
    it.each(FAULTS)(
      '%s',
      async (fault) => {
        faults[backend.route] = fault;
        // The healthy query of the same request reads another chaos backend.
        const other = backend.route === 'gremlin' ? chaos('B', 'chaosmesh') : chaos('B', 'gremlin');
        // Reading 64 MiB before giving up takes seconds on a busy machine: only the slow backend needs the short timeout.
        const res: DataQueryResponse = await firstValueFrom(
          dataSource(fault === 'huge' ? 60 : 1, backend.catalog).query(request([backend.query, other]))
        );
        scanForSecrets(res);
        expect(JSON.stringify(res)).not.toContain(SECRET);
        const errors = res.errors ?? [];
        expect(errors).toHaveLength(1);
        expect(errors[0].refId).toBe('A');
        expect(errors[0].message).toMatch(new RegExp(`^${backend.name}: `));
        expect(errors[0].message).toMatch(backend.expect?.[fault] ?? EXPECT[fault]);
        const healthyFrames = res.data.filter((f) => f.refId === 'B');
        expect(healthyFrames).toHaveLength(1);
        expect(healthyFrames[0].length).toBeGreaterThan(0);
        survived++;
      },
      60_000
    );
  });
});

describe('a 200 MB body', () => {
  beforeEach(() => ROUTES.forEach((r) => (faults[r] = undefined)));

  it.each([
    ['with Content-Length: refused before the body is read', true],
    ['streamed without Content-Length: reading stops at the limit', false],
  ])(
    '%s',
    async (_name, withLength) => {
      hugeWithLength = withLength;
      hugeBytesSent = 0;
      faults.gremlin = 'huge';
      const res = await firstValueFrom(dataSource(60).query(request([chaos('A', 'gremlin')])));
      expect(res.errors?.[0].message).toMatch(EXPECT.huge);
      // The server stops when the client hangs up: far fewer than 200 MB leave it.
      await new Promise((r) => setTimeout(r, 200));
      expect(hugeBytesSent).toBeLessThan(HUGE / 2);
      hugeWithLength = true;
    },
    60_000
  );
});

describe('cancellation', () => {
  it('closes the connection to a slow backend when the query is unsubscribed (time range changed)', async () => {
    ROUTES.forEach((r) => (faults[r] = undefined));
    faults.gremlin = 'slow';
    closedEarly.length = 0;
    const seen = new Promise<void>((resolve) => server.once('request', () => setTimeout(resolve, 50)));
    const sub = dataSource()
      .query(request([chaos('A', 'gremlin')]))
      .subscribe();
    await seen;
    sub.unsubscribe();
    await new Promise((r) => setTimeout(r, 300));
    expect(closedEarly).toContain('/gremlin/attacks/range');
  });
});
