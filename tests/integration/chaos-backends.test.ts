/** @jest-environment node */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import type { DataFrame } from '@grafana/data';
import { QueryContext } from '../../src/datasource/connectors/context';
import type { LitmusListResponse } from '../../src/datasource/connectors/chaos/litmus/types';
import type { FaultlineOptions, FaultlineQuery } from '../../src/datasource/types';

// Node's own fetch talks to the server (jsdom has none), but @grafana/data's module-level store and
// style sheet want a window and a document when they load: lend them jsdom's, then load the handlers.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { loadRuns } =
  require('../../src/datasource/connectors/chaos') as typeof import('../../src/datasource/connectors/chaos');
const { ANNOTATION_MARKER } =
  require('../../src/datasource/connectors/chaos/annotationQuery') as typeof import('../../src/datasource/connectors/chaos/annotationQuery');
const { fixture } =
  require('../../src/datasource/connectors/chaos/fixtures/load') as typeof import('../../src/datasource/connectors/chaos/fixtures/load');
const { fetchLitmusRuns } =
  require('../../src/datasource/connectors/chaos/litmus/client') as typeof import('../../src/datasource/connectors/chaos/litmus/client');
const { chaosProbes } =
  require('../../src/datasource/connectors/chaos/probe') as typeof import('../../src/datasource/connectors/chaos/probe');
const { HANDLERS } = require('../../src/datasource/handlers') as typeof import('../../src/datasource/handlers');
const { fetchTransport } =
  require('../../src/datasource/http/fetchTransport') as typeof import('../../src/datasource/http/fetchTransport');

// One real HTTP server on loopback plays the four chaos backends; each test picks how each behaves.
type Mode = 'ok' | 'html' | '401' | '403' | '429-once' | '500' | 'slow' | 'bad-shape';
const modes: Record<string, Mode> = {};
const requests: Array<{ backend: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
let server: http.Server;
let base = '';

const FROM = Date.parse('2026-11-26T06:00:00Z');
const TO = Date.parse('2026-11-26T12:00:00Z');

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Chaos Mesh's /api/events: created_at between start and end, newest id first, at most `limit`. */
let cmEvents: Array<{ id: number; created_at: string }> = fixture('chaosmesh/events.json');
function chaosMesh(url: URL, res: http.ServerResponse) {
  const route: Record<string, unknown> = {
    '/api/experiments': fixture('chaosmesh/experiments.json'),
    '/api/archives': fixture('chaosmesh/archives.json'),
    '/api/workflows': fixture('chaosmesh/workflows.json'),
  };
  if (url.pathname === '/api/events') {
    const start = Date.parse(url.searchParams.get('start')!);
    const end = Date.parse(url.searchParams.get('end')!);
    const limit = Number(url.searchParams.get('limit'));
    const page = cmEvents
      .filter((e) => Date.parse(e.created_at) >= start && Date.parse(e.created_at) <= end)
      .sort((a, b) => b.id - a.id)
      .slice(0, limit);
    return send(res, 200, page);
  }
  const detail = /^\/api\/(experiments|archives)\/([^/]+)$/.exec(url.pathname);
  if (detail) {
    const d = fixture<Record<string, unknown>>('chaosmesh/details.json')[decodeURIComponent(detail[2])];
    return d
      ? send(res, 200, d)
      : send(res, 404, {
          code: 404,
          type: 'Not Found',
          message: 'experiment not found',
          full_text: 'record not found',
        });
  }
  return route[url.pathname]
    ? send(res, 200, route[url.pathname])
    : send(res, 404, { code: 404, message: 'not found' });
}

/** ChaosCenter skips page × limit runs and returns at most limit, with the total count. */
function litmus(body: string, res: http.ServerResponse) {
  const { page, limit } = JSON.parse(body).variables.request.pagination;
  const all = [0, 1].flatMap(
    (p) => fixture<LitmusListResponse>(`litmus/list-page-${p}.json`).data!.listExperimentRun!.experimentRuns!
  );
  send(res, 200, {
    data: {
      listExperimentRun: {
        totalNoOfExperimentRuns: all.length,
        experimentRuns: all.slice(page * limit, page * limit + limit),
      },
    },
  });
}

function gremlin(url: URL, res: http.ServerResponse) {
  const token = url.searchParams.get('pageToken');
  const file = token === 'eyJwYWdlIjoyfQ==' ? 2 : token === 'eyJwYWdlIjozfQ==' ? 3 : 1;
  send(res, 200, fixture(`gremlin/range-page-${file}.json`));
}

function journals(url: URL, res: http.ServerResponse) {
  const files: Record<string, unknown> = {
    '/journals/index.json': [...fixture<unknown[]>('journals/index.json'), '/journals/broken.json'],
    '/journals/payments-latency-deviated.json': fixture('journals/payments-latency-deviated.json'),
    '/journals/checkout-kill-running.json': fixture('journals/checkout-kill-running.json'),
  };
  if (url.pathname === '/journals/broken.json') {
    return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title>');
  }
  return files[url.pathname] ? send(res, 200, files[url.pathname]) : send(res, 404, 'no such journal');
}

const seenOnce = new Set<string>();
function misbehave(backend: string, mode: Mode, res: http.ServerResponse): boolean {
  switch (mode) {
    case 'html':
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body><form action="/login">Sign in</form></body></html>');
      return true;
    case '401':
    case '403':
      send(res, Number(mode), { code: Number(mode), message: 'token rejected' });
      return true;
    case '429-once':
      if (seenOnce.has(backend)) {
        return false;
      }
      seenOnce.add(backend);
      send(res, 429, { message: 'slow down' }, { 'retry-after': '0' });
      return true;
    case '500':
      send(res, 500, fixture('chaosmesh/error-500.json'));
      return true;
    case 'slow':
      setTimeout(() => send(res, 200, []), 3000);
      return true;
    case 'bad-shape':
      send(res, 200, { surprise: true });
      return true;
    default:
      return false;
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const [, backend, ...rest] = (req.url ?? '').split('/');
      const url = new URL(`/${rest.join('/')}`, 'http://x');
      requests.push({ backend, url: url.pathname + url.search, headers: req.headers, body });
      if (misbehave(backend, modes[backend] ?? 'ok', res)) {
        return;
      }
      const backends: Record<string, () => unknown> = {
        cm: () => chaosMesh(url, res),
        litmus: () => litmus(body, res),
        gremlin: () => gremlin(url, res),
        ctk: () => journals(url, res),
      };
      backends[backend]?.();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  for (const k of Object.keys(modes)) {
    delete modes[k];
  }
  requests.length = 0;
  seenOnce.clear();
  cmEvents = fixture('chaosmesh/events.json');
});

const SETTINGS: FaultlineOptions = {
  chaosMeshUrl: 'http://chaos-dashboard.example:2333',
  litmusUrl: 'https://litmus.example',
  litmusProjectId: 'proj-1',
  gremlinUrl: 'https://api.gremlin.com/v1',
  gremlinTeamId: 'team-1',
  gremlinAuthScheme: 'Key',
  journalsUrl: 'http://runner.example:8300',
  journalIndex: '/journals/index.json',
  timeoutSeconds: 1,
};

function context(settings: FaultlineOptions = SETTINGS): QueryContext {
  const transport = fetchTransport({
    chaosmesh: { url: `${base}/cm`, headers: { authorization: 'Bearer cm-token' } },
    litmus: { url: `${base}/litmus`, headers: { authorization: 'Bearer litmus-token' } },
    gremlin: { url: `${base}/gremlin`, headers: { authorization: 'Key gremlin-key' } },
    journals: { url: `${base}/ctk` },
  });
  return {
    settings,
    transport,
    range: { from: FROM, to: TO },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}

/** What the data source does for one target: the handler of its query type, on a real transport. */
async function query(target: Partial<FaultlineQuery>, settings = SETTINGS): Promise<DataFrame> {
  const q = { refId: 'A', ...target } as FaultlineQuery;
  const [frame] = await HANDLERS[q.queryType ?? 'experiments'](q, context(settings));
  return frame;
}

const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values;
const notices = (frame: DataFrame) => (frame.meta?.notices ?? []).map((n) => n.text);

describe('chaos backends on a real HTTP server', () => {
  it('loads runs of all four backends, following every kind of paging, into one table', async () => {
    const frame = await query({ queryType: 'experiments' });
    const sources = column(frame, 'source');
    expect(new Set(sources)).toEqual(new Set(['Chaos Mesh', 'LitmusChaos', 'Gremlin', 'Chaos Toolkit']));
    expect(column(frame, 'run')).toEqual(
      expect.arrayContaining([
        'checkout-delay',
        'payments-pod-delete',
        'cpu on payments-host-1',
        'Checkout survives its process being killed',
      ])
    );
    // Gremlin three page tokens; journals index + 2 journals + 1 broken.
    expect(
      requests
        .filter((r) => r.backend === 'gremlin')
        .map((r) => new URL(r.url, 'http://x').searchParams.get('pageToken'))
    ).toEqual([null, 'eyJwYWdlIjoyfQ==', 'eyJwYWdlIjozfQ==']);
    expect(notices(frame)).toEqual([
      'LitmusChaos: the executionData of 1 run(s) is not valid JSON, so they show without their fault nodes: shipping-disk-fill (run-unknown-4)',
      expect.stringMatching(
        /^Chaos Toolkit journals: 1 of 3 journals could not be read; first: \/journals\/broken.json: .*HTML page/
      ),
    ]);
    // The index also lists another origin, a number and a path climbing out with "..": none is requested.
    expect(
      requests
        .filter((r) => r.backend === 'ctk')
        .map((r) => r.url)
        .sort()
    ).toEqual([
      '/journals/broken.json',
      '/journals/checkout-kill-running.json',
      '/journals/index.json',
      '/journals/payments-latency-deviated.json',
    ]);
  });

  it('pages Litmus runs until the total count, skipping null elements', async () => {
    const runs = await fetchLitmusRuns(
      { settings: SETTINGS, transport: context().transport, range: { from: FROM, to: TO } },
      4
    );
    expect(runs.map((r) => r.experimentRunID)).toEqual([
      'run-completed-1',
      'run-running-2',
      'run-failed-3',
      'run-unknown-4',
      'run-stopped-5',
    ]);
    expect(requests.map((r) => JSON.parse(r.body).variables.request.pagination)).toEqual([
      { page: 0, limit: 4 },
      { page: 1, limit: 4 },
    ]);
  });

  it('sends what each API requires: project and date range to Litmus, team and token to Gremlin', async () => {
    await query({ queryType: 'experiments', chaos: { sources: ['litmus', 'gremlin'] } });
    const lit = requests.find((r) => r.backend === 'litmus')!;
    expect(lit.headers.authorization).toBe('Bearer litmus-token');
    expect(JSON.parse(lit.body).variables).toMatchObject({
      projectID: 'proj-1',
      request: { filter: { dateRange: { startDate: String(FROM), endDate: String(TO) } } },
    });
    const grem = new URL(requests.find((r) => r.backend === 'gremlin')!.url, 'http://x');
    expect(Object.fromEntries(grem.searchParams)).toMatchObject({
      teamId: 'team-1',
      startTime: new Date(FROM).toISOString(),
      endTime: new Date(TO).toISOString(),
    });
    expect(requests.some((r) => r.backend === 'cm' || r.backend === 'ctk')).toBe(false);
  });

  it('answers the annotation query with one region per run, filtered by service', async () => {
    const frame = await query({
      queryType: 'experiments',
      chaos: { service: 'payments' },
      [ANNOTATION_MARKER]: true,
    } as Partial<FaultlineQuery>);
    expect(frame.fields.map((f) => f.name)).toEqual([
      'time',
      'timeEnd',
      'isRegion',
      'title',
      'text',
      'tags',
      'id',
      'color',
      'newState',
    ]);
    const ids = column(frame, 'id');
    expect(ids).toEqual(
      expect.arrayContaining([
        'chaosmesh:6f0c1c2e-0001-4e4e-9d2b-1a2b3c4d5e01',
        'chaosmesh:6f0c1c2e-0012-4e4e-9d2b-1a2b3c4d5e12',
        'litmus:run-completed-1',
        'gremlin:a1b2c3d4-0001-11ef-9000-000000000001',
        'chaostoolkit:/journals/payments-latency-deviated.json',
      ])
    );
    expect(ids.some((id: string) => /checkout|inventory/.test(id))).toBe(false);
    const text = column(frame, 'text')[ids.indexOf('litmus:run-completed-1')];
    expect(text).toContain('<a href="https://litmus.example/experiments/exp-payments/runs/run-completed-1"');
  });

  it('pages Chaos Mesh events back in time until the range start', async () => {
    const t0 = Date.parse('2026-11-26T07:00:00Z');
    cmEvents = Array.from({ length: 12_000 }, (_, i) => ({
      id: i + 1,
      object_id: `exp-${Math.floor(i / 2)}`,
      created_at: new Date(t0 + i * 1000).toISOString(),
      namespace: 'shop',
      name: `exp-${Math.floor(i / 2)}`,
      kind: 'PodChaos',
      type: 'Normal',
      reason: i % 2 === 0 ? 'Applied' : 'Recovered',
      message: `Successfully ${i % 2 === 0 ? 'apply' : 'recover'} chaos for shop/payments-7d9f8c6b5-x2x9z`,
    }));
    const frame = await query({
      queryType: 'experiments',
      chaos: { sources: ['chaosmesh'], kind: 'PodChaos', nameRegex: '^exp-' },
    });
    expect(frame.length).toBe(6000);
    expect(new Set(column(frame, 'status'))).toEqual(new Set(['succeeded']));
    expect(requests.filter((r) => r.backend === 'cm' && r.url.startsWith('/api/events')).length).toBe(3);
    // Unknown to the server, the experiments have no objects: the runs stay, with a notice saying so.
    expect(notices(frame)).toEqual([
      expect.stringMatching(/Chaos Mesh: 100 experiment details could not be read; those runs lack their labels/),
    ]);
  });

  it('filters Chaos Mesh runs by the labels and selector of their experiment objects', async () => {
    const frame = await query({
      queryType: 'experiments',
      chaos: { sources: ['chaosmesh'], labelSelector: 'team=payments', service: 'payments' },
    });
    expect(column(frame, 'run')).toEqual(['payments-partition', 'payments-pod-kill']);
    expect(requests.filter((r) => /^\/api\/(experiments|archives)\/./.test(r.url)).length).toBe(6);
  });

  it('feeds the state timeline', async () => {
    const frame = await query({ queryType: 'timeline', chaos: { sources: ['gremlin'] } });
    expect(frame.fields[0].name).toBe('time');
    expect(frame.fields.slice(1).map((f) => f.name)).toContain('cpu on payments-host-1');
  });
});

describe('a chaos backend that fails while the others load', () => {
  it.each([
    ['html', /Chaos Mesh: .*HTML page instead of JSON/],
    ['401', /Chaos Mesh: not authenticated \(401\); check the token/],
    ['403', /Chaos Mesh: access denied \(403\)/],
    ['500', /Chaos Mesh: HTTP 500: failed to list events/],
    ['slow', /Chaos Mesh: no answer within 1000 ms/],
    ['bad-shape', /Chaos Mesh: .* answered an object instead of a list/],
  ] as Array<[Mode, RegExp]>)(
    '%s: the other backends still show their runs, and a notice names the one that failed',
    async (mode, message) => {
      modes.cm = mode;
      const frame = await query({ queryType: 'experiments', chaos: { sources: ['chaosmesh', 'gremlin'] } });
      expect(new Set(column(frame, 'source'))).toEqual(new Set(['Gremlin']));
      expect(notices(frame)).toEqual([expect.stringMatching(message)]);
    }
  );

  it('retries a 429 and then loads', async () => {
    modes.gremlin = '429-once';
    expect((await query({ queryType: 'experiments', chaos: { sources: ['gremlin'] } })).length).toBe(5);
    expect(requests.filter((r) => r.backend === 'gremlin').length).toBe(4);
  });

  it('fails the query with every reason when every backend failed', async () => {
    modes.cm = '401';
    modes.gremlin = '500';
    await expect(query({ queryType: 'experiments', chaos: { sources: ['chaosmesh', 'gremlin'] } })).rejects.toThrow(
      /Chaos Mesh: not authenticated.*·.*Gremlin: HTTP 500/
    );
  });

  it('reports a bad filter as an InputError, which the data source shows as the query error', async () => {
    const err = await query({ queryType: 'experiments', chaos: { labelSelector: 'team in (a' } }).catch((e) => e);
    expect(err.name).toBe('InputError');
    expect(err.message).toMatch(/Chaos label selector: unbalanced parentheses/);
  });

  it('returns partial runs to callers of loadRuns with one error per failed backend', async () => {
    modes.litmus = '403';
    const { runs, errors, failedBackends } = await loadRuns(context(), { sources: ['litmus', 'chaostoolkit'] });
    expect(runs.map((r) => r.source)).toEqual(['chaostoolkit', 'chaostoolkit']);
    expect(failedBackends).toEqual(['LitmusChaos']);
    expect(errors.map((e) => e.name)).toEqual(['AuthError', 'BadResponseError']);
  });
});

describe('journal caching', () => {
  it('reads a finished journal once, and a running or unreadable one on every refresh', async () => {
    const ctx = context();
    await loadRuns(ctx, { sources: ['chaostoolkit'] });
    await loadRuns(ctx, { sources: ['chaostoolkit'] });
    const paths = requests.filter((r) => r.backend === 'ctk').map((r) => r.url);
    expect(paths.filter((p) => p === '/journals/payments-latency-deviated.json')).toHaveLength(1);
    expect(paths.filter((p) => p === '/journals/checkout-kill-running.json')).toHaveLength(2);
    expect(paths.filter((p) => p === '/journals/index.json')).toHaveLength(2);
  });
});

describe('configuration', () => {
  it('says that no chaos backend is configured instead of showing an empty table silently', async () => {
    const frame = await query({ queryType: 'experiments' }, { catalogSource: 'backstage' });
    expect(frame.length).toBe(0);
    expect(notices(frame)).toEqual([expect.stringMatching(/No chaos backend is configured/)]);
  });

  it('health-checks each configured chaos backend by name', async () => {
    modes.gremlin = '401';
    const probes = chaosProbes(SETTINGS, context().transport);
    expect(probes.map((p) => p.name)).toEqual(['Chaos Mesh', 'LitmusChaos', 'Gremlin', 'Chaos Toolkit journals']);
    const results = await Promise.allSettled(probes.map((p) => p.run()));
    expect(results[0]).toMatchObject({
      status: 'fulfilled',
      value: expect.stringMatching(/^Chaos Mesh answers \(\d+ runs? in the last 24 h\)$/),
    });
    expect(results[2]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ name: 'AuthError' }) });
    expect(results[3]).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ message: expect.stringMatching(/1 of 3 journals could not be read/) }),
    });
  });
});
