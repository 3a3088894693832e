/** @jest-environment node */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { BackendError, BadResponseError } from '../../../model';
import { fetchTransport } from '../../http/fetchTransport';
import { PrometheusClient } from './promClient';

// A loopback server answering in the shapes of prometheus/docs/querying/api.md, for the answers a
// healthy real Prometheus will not produce on demand (warnings, infos, 200 + status "error").
// The same client runs against real Prometheus and VictoriaMetrics in tests/integration/flows-stores.test.ts.
let server: http.Server;
let reply: (url: URL) => { status: number; body: string };
let client: PrometheusClient;
let lastUrl: URL | undefined;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    lastUrl = new URL(req.url ?? '/', 'http://x');
    const r = reply(lastUrl);
    res.writeHead(r.status, { 'content-type': r.body.startsWith('<') ? 'text/html' : 'application/json' }).end(r.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = PrometheusClient.fromSettings(
    { prometheusUrl: url, timeoutSeconds: 5 },
    fetchTransport({ prometheus: { url } })
  );
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ok =
  (data: unknown, extra: Record<string, unknown> = {}) =>
  () => ({ status: 200, body: JSON.stringify({ status: 'success', data, ...extra }) });

describe('PrometheusClient', () => {
  it('uses the tenant route only when a tenant is set, so no empty X-Scope-OrgID reaches the store', async () => {
    reply = ok({ resultType: 'vector', result: [] });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const only = (route: string) => fetchTransport({ [route]: { url: `${url}/${route}` } });
    await PrometheusClient.fromSettings({ prometheusTenant: 'team-a' }, only('promtenant')).queryVector('up', 0);
    expect(lastUrl?.pathname).toBe('/promtenant/api/v1/query');
    await PrometheusClient.fromSettings({ prometheusTenant: ' ' }, only('prometheus')).queryVector('up', 0);
    expect(lastUrl?.pathname).toBe('/prometheus/api/v1/query');
  });

  it('sends query, time in seconds and a store-side timeout, and returns warnings and infos apart', async () => {
    reply = ok(
      { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1, 'NaN'] }] },
      { warnings: ['partial response: store eu-1 down'], infos: ['PromQL info: metric might not be a counter'] }
    );
    const answer = await client.queryVector('sum(up)', 1_700_000_000_500);
    expect(lastUrl?.pathname).toBe('/api/v1/query');
    expect(lastUrl?.searchParams.get('query')).toBe('sum(up)');
    expect(lastUrl?.searchParams.get('time')).toBe('1700000000.500');
    expect(lastUrl?.searchParams.get('timeout')).toBe('5s');
    expect(answer).toEqual({
      data: [{ metric: { a: '1' }, value: [1, 'NaN'] }],
      warnings: ['partial response: store eu-1 down'],
      infos: ['PromQL info: metric might not be a counter'],
    });
  });

  it('shows a PromQL error as Prometheus states it', async () => {
    reply = () => ({
      status: 400,
      body: JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: '1:6: parse error: unexpected end of input',
      }),
    });
    await expect(client.queryVector('sum(', 0)).rejects.toThrow(
      'Prometheus store: HTTP 400: bad_data: 1:6: parse error: unexpected end of input'
    );
  });

  it('treats 200 with status "error" (some proxies) as the store error it is', async () => {
    reply = () => ({
      status: 200,
      body: JSON.stringify({
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      }),
    });
    const err = await client.queryVector('x', 0).catch((e) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toContain('timeout: query timed out in expression evaluation');
  });

  it('refuses a matrix where a vector is needed, and a body that is not a Prometheus answer', async () => {
    reply = ok({ resultType: 'matrix', result: [] });
    await expect(client.queryVector('x[5m]', 0)).rejects.toThrow(/matrix where an instant vector was expected/);
    reply = () => ({ status: 200, body: JSON.stringify({ items: [] }) });
    await expect(client.queryVector('x', 0)).rejects.toThrow(BadResponseError);
    reply = () => ({ status: 200, body: '<!doctype html><html>login</html>' });
    await expect(client.queryVector('x', 0)).rejects.toThrow(/HTML page/);
  });

  it('asks label values with match[] and range, escaping the label name', async () => {
    reply = ok(['checkout', 'frontend']);
    const answer = await client.labelValues('k8s_src_owner_name', 0, 60_000, ['beyla_network_flow_bytes_total']);
    expect(lastUrl?.pathname).toBe('/api/v1/label/k8s_src_owner_name/values');
    expect(lastUrl?.searchParams.getAll('match[]')).toEqual(['beyla_network_flow_bytes_total']);
    expect(lastUrl?.searchParams.get('end')).toBe('60.000');
    expect(answer.data).toEqual(['checkout', 'frontend']);
  });

  it('reads series and labels, and refuses non-array data', async () => {
    reply = ok([{ __name__: 'up', job: 'x' }]);
    await expect(client.series(['up'], 0, 1000)).resolves.toMatchObject({ data: [{ __name__: 'up', job: 'x' }] });
    reply = ok({ not: 'an array' });
    await expect(client.labels(0, 1000)).rejects.toThrow(/without a data array/);
  });
});
