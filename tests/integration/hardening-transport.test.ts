import { of } from 'rxjs';
import { HttpClient } from '../../src/datasource/http/client';
import { grafanaTransport } from '../../src/datasource/http/grafanaTransport';
import { FaultlineError } from '../../src/model/errors';

/*
 * Grafana's backend service cannot run here: its fetch is replaced by one answering what the data
 * proxy would. It has always read the whole body before the transport sees it, so the transport
 * can only refuse an oversized body before it is parsed, from its length or Content-Length.
 */
let answer: { status: number; data: string; headers: Headers } = { status: 200, data: '{}', headers: new Headers() };
const requests: Array<{ url: string }> = [];
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => ({
    fetch: (req: { url: string }) => {
      requests.push(req);
      return of(answer);
    },
  }),
}));

const client = () =>
  new HttpClient({
    where: 'Proxy backend',
    transport: grafanaTransport('/api/datasources/proxy/uid/faultline'),
    maxBodyChars: 1000,
  });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => new Error('expected a failure'),
    (e: Error) => e
  );

describe('grafanaTransport and the size limit', () => {
  it('refuses a body longer than the limit before it is parsed', async () => {
    answer = { status: 200, data: JSON.stringify({ pad: 'x'.repeat(5000) }), headers: new Headers() };
    const err = await failure(client().getJson({ route: 'backstage', path: '/api/catalog/entities/by-query' }));
    expect(err).toBeInstanceOf(FaultlineError);
    expect(err.message).toMatch(
      /^Proxy backend: the response \(5 KiB\) exceeds the 1 KiB limit and was not read; narrow the query/
    );
    expect(requests.at(-1)?.url).toBe('/api/datasources/proxy/uid/faultline/backstage/api/catalog/entities/by-query');
  });

  it('refuses from Content-Length alone', async () => {
    answer = { status: 200, data: '{}', headers: new Headers({ 'content-length': '209715200' }) };
    await expect(client().getJson({ route: 'gremlin', path: '/attacks/range' })).rejects.toThrow(
      /the response \(200 MiB\) exceeds the 1 KiB limit/
    );
  });

  it('passes a body within the limit', async () => {
    answer = { status: 200, data: '{"items":[1]}', headers: new Headers({ 'content-length': '13' }) };
    await expect(client().getJson({ route: 'gremlin', path: '/attacks/range' })).resolves.toEqual({ items: [1] });
  });
});
