// The preview server without a browser: Grafana's data proxy rules (plugin.json routes, templated
// URLs and headers, secrets added server-side), provisioning with environment variables, and boot
// data that never carries secureJsonData. A loopback backend records what the proxy sends.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startJsonServer } from './backends.mjs';
import { startPreview } from './harness.mjs';

const SECRET = `proxy-secret-${process.pid}`;
let backend;
let preview;
let dir;

before(async () => {
  backend = await startJsonServer((req) => ({ method: req.method, url: req.url }));
  dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-proxy-'));
  mkdirSync(path.join(dir, 'datasources'));
  writeFileSync(
    path.join(dir, 'datasources', 'ds.yaml'),
    [
      'apiVersion: 1',
      'datasources:',
      '  - name: Faultline',
      '    type: faultline-datasource',
      '    uid: fl',
      '    jsonData:',
      '      backstageUrl: ${BACKEND_URL}/catalog-base',
      '      gremlinUrl: $BACKEND_URL',
      '      gremlinAuthScheme: Key',
      '      litmusUrl: ${BACKEND_URL}/litmus',
      '    secureJsonData:',
      '      backstageToken: ${PROXY_SECRET}',
      '      gremlinToken: ${PROXY_SECRET}',
      '  - name: Prometheus',
      '    type: prometheus',
      '    uid: prom',
      '    url: ${BACKEND_URL}/prom',
      '    jsonData: { httpHeaderName1: X-Scope-OrgID }',
      '    secureJsonData: { httpHeaderValue1: tenant-1 }',
    ].join('\n')
  );
  preview = await startPreview({ provisioningDir: dir, env: { BACKEND_URL: backend.url, PROXY_SECRET: SECRET } });
});

after(async () => {
  await preview?.stop();
  await backend?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const proxy = (p, init) => fetch(`${preview.url}/api/datasources/proxy/uid/${p}`, init);
const last = () => backend.requests.at(-1);

test('a route forwards to its templated URL with the path and query, adding the secret header', async () => {
  const res = await proxy('fl/backstage/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=2');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { method: 'GET', url: '/catalog-base/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=2' });
  assert.equal(last().headers.authorization, `Bearer ${SECRET}`);
  assert.ok(!JSON.stringify(Object.fromEntries(res.headers)).includes(SECRET));
});

test('header templates mix jsonData and secureJsonData', async () => {
  await proxy('fl/gremlin/v1/attacks/range?teamId=t');
  assert.equal(last().url, '/v1/attacks/range?teamId=t');
  assert.equal(last().headers.authorization, `Key ${SECRET}`);
});

test('the browser cannot replace the secret header, and cookies stay home', async () => {
  await proxy('fl/backstage/x', { headers: { authorization: 'Bearer forged', cookie: 'grafana_session=abc' } });
  assert.equal(last().headers.authorization, `Bearer ${SECRET}`);
  assert.equal(last().headers.cookie, undefined);
});

test('a POST body is forwarded on a POST route, and a POST to a GET route reaches no backend', async () => {
  const res = await proxy('fl/litmus/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{}"}' });
  assert.deepEqual(await res.json(), { method: 'POST', url: '/litmus/api/query' });
  const seen = backend.requests.length;
  const refused = await proxy('fl/backstage/api/catalog/entities/by-refs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"entityRefs":[]}' });
  assert.equal(refused.status, 502);
  assert.equal(backend.requests.length, seen);
});

test('a data source without routes forwards to its url with its custom headers', async () => {
  await proxy('prom/api/v1/query?query=up');
  assert.equal(last().url, '/prom/api/v1/query?query=up');
  assert.equal(last().headers['x-scope-orgid'], 'tenant-1');
});

test("unknown and unconfigured routes are Grafana's empty 502, unknown data sources and path traversal clear errors", async () => {
  for (const p of ['fl/nope/x', 'fl/chaosmesh/api/events']) {
    const res = await proxy(p);
    assert.equal(res.status, 502, p);
    assert.equal(await res.text(), '', p);
  }
  const cases = [
    ['nope/x', 404, /^Unable to find datasource$/],
    ['fl/backstage/..%2F..%2Fadmin', 400, /path traversal/],
  ];
  for (const [p, status, message] of cases) {
    const res = await proxy(p);
    assert.equal(res.status, status, p);
    assert.match((await res.json()).message, message);
  }
});

test('the pages carry instance settings without any secureJsonData value', async () => {
  const html = await (await fetch(`${preview.url}/d/anything`)).text();
  assert.ok(html.includes('"secureJsonFields":{"backstageToken":true,"gremlinToken":true}'));
  assert.ok(html.includes('"url":"/api/datasources/proxy/uid/fl"'));
  assert.ok(html.includes('"orgRole":"Admin"'));
  assert.ok(!html.includes(SECRET));
  assert.ok(!html.includes('tenant-1'));
});
