/** @jest-environment node */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpClient } from '../../src/datasource/http/client';
import { grafanaTransport } from '../../src/datasource/http/grafanaTransport';
import { AuthError, BackendError, UnreachableError } from '../../src/model/errors';
import { StrictProxy, startStrictProxy } from '../support/strictProxyProcess';

/*
 * What a panel says when the backend refuses the token, answers a real 400, or cannot be reached,
 * through the data proxy as Grafana answers: the preview's strict proxy (tests/support/strictProxy.mjs,
 * with the routes of src/datasource/plugin.json) runs as a process of its own between the plugin's
 * client and a real loopback backend. The browser side is the preview's BackendSrv over fetch.
 */
jest.mock('@grafana/runtime', () => ({
  getBackendSrv: () => jest.requireActual('../../preview/src/shell/backendSrv').previewBackendSrv,
}));

const { freePort } = require('../../scripts/lib/processes');

const TOKEN = `proxy-errors-token-${process.pid}`;
let backend: http.Server;
let proxy: StrictProxy;
let instance: string;
const seen: Array<{ url?: string; authorization?: string }> = [];

beforeAll(async () => {
  backend = http.createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization });
    // Backstage's answers (plugins/catalog-backend errors): 401 without the good token, else a 400 for the filter.
    const good = req.headers.authorization === `Bearer ${TOKEN}-good`;
    const error = good
      ? { name: 'InputError', message: 'Invalid filter: kind=' }
      : { name: 'AuthenticationError', message: 'Invalid token' };
    res.writeHead(good ? 400 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  const closed = await freePort();
  const datasources = [
    {
      uid: 'bad-token',
      type: 'faultline-datasource',
      jsonData: { backstageUrl: backendUrl },
      secureJsonData: { backstageToken: `${TOKEN}-bad` },
    },
    {
      uid: 'good-token',
      type: 'faultline-datasource',
      jsonData: { backstageUrl: backendUrl },
      secureJsonData: { backstageToken: `${TOKEN}-good` },
    },
    {
      uid: 'down',
      type: 'faultline-datasource',
      jsonData: { backstageUrl: `http://127.0.0.1:${closed}` },
      secureJsonData: {},
    },
    { uid: 'unset', type: 'faultline-datasource', jsonData: {}, secureJsonData: {} },
  ];
  proxy = await startStrictProxy(datasources);
  instance = proxy.instance;
}, 30000);

afterAll(async () => {
  await proxy?.stop();
  await new Promise<void>((r) => backend.close(() => r()));
});

const backstage = (uid: string) =>
  new HttpClient({
    where: 'Backstage catalog',
    transport: grafanaTransport(`${instance}/${uid}`),
    backoffMs: 5,
  }).getJson({
    route: 'backstage',
    path: '/api/catalog/entities/by-query',
    params: { filter: 'kind=' },
  });

const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => new Error('expected a failure'),
    (e: Error) => e
  );

describe('errors through the strict data proxy', () => {
  it("says to check the token when the backend's 401 arrives as Grafana's 400", async () => {
    const err = await failure(backstage('bad-token'));
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toBe(
      'Backstage catalog: refused the credentials (Grafana reports the backend\'s 401 as "Authentication to data source failed"); check the token in the data source settings'
    );
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${TOKEN}-bad`);
  });

  it("keeps the backend's own message on a real 400", async () => {
    const err = await failure(backstage('good-token'));
    expect(err).toBeInstanceOf(BackendError);
    expect(err.message).toBe('Backstage catalog: HTTP 400: Invalid filter: kind=');
  });

  it('says to check the URL when the proxy answers an empty 502: backend down, or no URL set', async () => {
    for (const uid of ['down', 'unset']) {
      const err = await failure(backstage(uid));
      expect(err).toBeInstanceOf(UnreachableError);
      expect(err.message).toBe(
        "Backstage catalog: Grafana's data proxy could not reach the backend (502); check its URL in the data source settings, and that the Grafana server can reach it"
      );
    }
  });

  it('never shows the token in a message', async () => {
    for (const uid of ['bad-token', 'good-token', 'down']) {
      expect((await failure(backstage(uid))).message).not.toContain(TOKEN);
    }
  });
});
