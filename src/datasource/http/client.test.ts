/** @jest-environment node */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { AuthError, BackendError, BadResponseError, TimeoutError, UnreachableError } from '../../model';
import { HttpClient } from './client';
import { fetchTransport } from './fetchTransport';

// A real HTTP server on loopback whose answer each test scripts by path.
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const handlers = new Map<string, Handler>();
const hits = new Map<string, number>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const h = handlers.get(path);
    if (h) {
      h(req, res);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  handlers.clear();
  hits.clear();
});

const client = (over: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) =>
  new HttpClient({
    where: 'Test backend',
    transport: fetchTransport({ api: { url: base, headers: { authorization: 'Bearer s3cret' } } }),
    backoffMs: 5,
    ...over,
  });

/** The error a call fails with; a call that succeeds fails the test. */
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: Error) => e
  );

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

describe('HttpClient against a real HTTP server', () => {
  it('decodes JSON and sends the route headers and query parameters', async () => {
    let seen: http.IncomingMessage | undefined;
    handlers.set('/ok', (req, res) => {
      seen = req;
      json(200, { items: [1, 2] })(req, res);
    });
    await expect(client().getJson({ route: 'api', path: '/ok', params: { a: 'x y', b: ['1', '2'], c: undefined } })).resolves.toEqual({ items: [1, 2] });
    expect(seen?.headers.authorization).toBe('Bearer s3cret');
    expect(seen?.url).toBe('/ok?a=x+y&b=1&b=2');
  });

  it('retries 503 and succeeds on a later attempt', async () => {
    let n = 0;
    handlers.set('/flaky', (req, res) => (++n < 3 ? json(503, { error: 'busy' })(req, res) : json(200, { ok: true })(req, res)));
    await expect(client().getJson({ route: 'api', path: '/flaky' })).resolves.toEqual({ ok: true });
    expect(hits.get('/flaky')).toBe(3);
  });

  it('honours Retry-After on 429, then reports the rate limit', async () => {
    handlers.set('/limited', json(429, { message: 'slow down' }, { 'retry-after': '0' }));
    const err = await failure(client({ attempts: 2 }).getJson({ route: 'api', path: '/limited' }));
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toMatch(/Test backend: rate limited \(429\).*slow down/);
    expect(hits.get('/limited')).toBe(2);
  });

  it('does not retry 401 and says to check the token', async () => {
    handlers.set('/auth', json(401, { error: { message: 'bad token' } }));
    const err = await failure(client().getJson({ route: 'api', path: '/auth' }));
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toMatch(/401.*check the token/);
    expect(hits.get('/auth')).toBe(1);
  });

  // The answers Grafana's data proxy gives itself (pkg/api/pluginproxy/ds_proxy.go, pkg/util/proxyutil).
  it("reads the data proxy's own answers: the rewritten 401, a route denied by role, an empty 502 and 504", async () => {
    handlers.set('/g400', (_req, res) => res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Authentication to data source failed'));
    handlers.set('/g403', (_req, res) => res.writeHead(403, { 'content-type': 'application/json; charset=UTF-8' }).end('{"message":"plugin proxy route access denied"}\n'));
    handlers.set('/g502', (_req, res) => res.writeHead(502).end());
    handlers.set('/g504', (_req, res) => res.writeHead(504).end());
    const seen = async (path: string) => failure(client({ attempts: 1 }).getJson({ route: 'api', path }));
    expect(await seen('/g400')).toEqual(expect.objectContaining({ name: 'AuthError', message: expect.stringMatching(/refused the credentials .*check the token/) }));
    expect(await seen('/g403')).toEqual(expect.objectContaining({ name: 'AuthError', message: expect.stringMatching(/your Grafana role may not use this route/) }));
    expect(await seen('/g502')).toEqual(expect.objectContaining({ name: 'UnreachableError', message: expect.stringMatching(/could not reach the backend \(502\); check its URL/) }));
    expect(await seen('/g504')).toEqual(expect.objectContaining({ name: 'TimeoutError', message: expect.stringMatching(/no answer from the backend in time \(504\)/) }));
  });

  it("shows the backend's own error message on 4xx", async () => {
    handlers.set('/bad', json(400, { status: 'error', errorType: 'bad_data', error: 'parse error at char 4' }));
    await expect(client().getJson({ route: 'api', path: '/bad' })).rejects.toThrow('HTTP 400: parse error at char 4');
  });

  it('recognises an HTML login page instead of JSON', async () => {
    handlers.set('/login', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Sign in</body></html>'));
    await expect(client().getJson({ route: 'api', path: '/login' })).rejects.toThrow(BadResponseError);
    await expect(client().getJson({ route: 'api', path: '/login' })).rejects.toThrow(/HTML page instead of JSON/);
  });

  it('reports truncated JSON as malformed', async () => {
    handlers.set('/trunc', (_req, res) => res.writeHead(200).end('{"items": [1, 2'));
    await expect(client().getJson({ route: 'api', path: '/trunc' })).rejects.toThrow(/malformed JSON/);
  });

  it('refuses a body over the size limit', async () => {
    handlers.set('/big', (_req, res) => res.writeHead(200).end(JSON.stringify({ pad: 'x'.repeat(5000) })));
    const err = await failure(client({ maxBodyChars: 1000 }).getJson({ route: 'api', path: '/big' }));
    expect(err).toBeInstanceOf(BadResponseError);
    expect(err.message).toMatch(/^Test backend: the response \(.*\) exceeds the 1 KiB limit and was not read/);
  });

  it('times out a slow backend with a clear error', async () => {
    handlers.set('/slow', (_req, res) => setTimeout(() => json(200, {})(_req, res), 2000));
    const err = await failure(client().getJson({ route: 'api', path: '/slow', timeoutMs: 100 }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.message).toMatch(/no answer within 100 ms/);
  });

  it('reports a backend that is down as unreachable, after retrying', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = new HttpClient({ where: 'Down backend', transport: fetchTransport({ api: { url: `http://127.0.0.1:${port}` } }), backoffMs: 1 });
    const err = await failure(down.getJson({ route: 'api', path: '/' }));
    expect(err).toBeInstanceOf(UnreachableError);
    expect(err.message).toMatch(/Down backend: cannot connect .*ECONNREFUSED.*check its URL/);
  });

  it('cancels when the caller aborts', async () => {
    handlers.set('/hang', () => undefined);
    const abort = new AbortController();
    const p = client().getJson({ route: 'api', path: '/hang', signal: abort.signal, timeoutMs: 5000 });
    abort.abort();
    await expect(p).rejects.toThrow(/cancelled/);
  });
});
