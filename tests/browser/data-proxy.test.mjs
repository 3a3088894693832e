// The preview's data proxy (preview/server/proxy.mjs) held to what Grafana's does
// (grafana/grafana pkg/api/pluginproxy/ds_proxy.go, ds_auth_provider.go, utils.go,
// pkg/util/proxyutil/reverse_proxy.go): route choice by method and path prefix, reqRole, Go-template
// urls and headers set even when empty, the request Grafana forwards, and the answers it rewrites.
// A loopback backend records what reaches it; the proxy runs in a loopback server of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { renderGoTemplate } from '../../preview/server/goTemplate.mjs';
import { readProvisioning } from '../../preview/server/provisioning.mjs';
import { handleProxy } from '../../preview/server/proxy.mjs';
import { ROOT } from './harness.mjs';

const SECRET = `route-secret-${process.pid}`;
const requests = [];
let backend;
let backendUrl;
let closedPort;

/** Answers by path: /status/<n> with that status, /slow after 3 s, anything else 200 with what it saw. */
function backendAnswer(req, res) {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    const status = /^\/status\/(\d+)/.exec(req.url)?.[1];
    if (req.url.startsWith('/slow')) {
      setTimeout(() => res.writeHead(200).end('{}'), 3000);
      return;
    }
    res.writeHead(status ? Number(status) : 200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
    res.end(JSON.stringify(status ? { message: `backend says ${status}` } : { ok: true }));
  });
}

const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));

before(async () => {
  backend = http.createServer(backendAnswer);
  backendUrl = `http://127.0.0.1:${await listen(backend)}`;
  const closed = http.createServer();
  closedPort = await listen(closed);
  await new Promise((r) => closed.close(r));
});
after(() => new Promise((r) => (backend.closeAllConnections(), backend.close(r))));
beforeEach(() => (requests.length = 0));

/** A proxy for one data source and its plugin's routes; `call` sends a request through it. */
async function proxyFor({ ds, routes, role, timeoutMs }) {
  const logs = [];
  const datasources = [{ uid: 'ds1', type: 'test-datasource', jsonData: {}, secureJsonData: {}, ...ds }];
  const server = http.createServer(async (req, res) => {
    if (
      !(await handleProxy(req, res, {
        datasources,
        routesByType: { 'test-datasource': routes },
        role,
        timeoutMs,
        log: (l) => logs.push(l),
      }))
    ) {
      res.writeHead(418).end();
    }
  });
  const port = await listen(server);
  return {
    logs,
    call: (p, init) => fetch(`http://127.0.0.1:${port}/api/datasources/proxy/uid/ds1/${p}`, init),
    raw: (p) => fetch(`http://127.0.0.1:${port}${p}`),
    stop: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

async function withProxy(options, fn) {
  const proxy = await proxyFor(options);
  try {
    await fn(proxy);
  } finally {
    await proxy.stop();
  }
}

const tokenRoute = (extra = {}) => ({
  path: 'api',
  url: '{{ .JsonData.apiUrl }}',
  headers: [{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.token }}' }],
  ...extra,
});
const ds = (jsonData = {}, secureJsonData = { token: SECRET }) => ({
  jsonData: { apiUrl: backendUrl, ...jsonData },
  secureJsonData,
});

test('a method the route does not list gets no route: without a data source url it is a 502, and the backend sees nothing', async () => {
  await withProxy({ ds: ds(), routes: [tokenRoute({ method: 'GET' })] }, async ({ call }) => {
    assert.equal((await call('api/things')).status, 200);
    assert.equal(requests.at(-1).headers.authorization, `Bearer ${SECRET}`);
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const res = await call('api/things', { method, body: method === 'DELETE' ? undefined : '{}' });
      assert.equal(res.status, 502, method);
      assert.equal(await res.text(), '');
    }
    assert.equal(requests.length, 1);
  });
});

test("a request matching no route goes to the data source's url without the route's headers", async () => {
  await withProxy(
    { ds: { ...ds(), url: `${backendUrl}/plain` }, routes: [tokenRoute({ method: 'GET' })] },
    async ({ call }) => {
      assert.equal((await call('api/things', { method: 'POST', body: '{}' })).status, 200);
      assert.equal(requests.at(-1).url, '/plain/api/things');
      assert.equal(requests.at(-1).headers.authorization, undefined);
    }
  );
});

test('an empty or "*" method matches any method; the first matching route in plugin.json order wins', async () => {
  const routes = [
    { path: 'api', method: 'POST', url: `${backendUrl}/post-route` },
    { path: 'api', method: '*', url: `${backendUrl}/star-route` },
    { path: 'api', url: `${backendUrl}/never` },
  ];
  await withProxy({ ds: ds(), routes }, async ({ call }) => {
    await call('api/x', { method: 'POST', body: '{}' });
    assert.equal(requests.at(-1).url, '/post-route/x');
    await call('api/x', { method: 'DELETE' });
    assert.equal(requests.at(-1).url, '/star-route/x');
  });
});

test('the route path is a prefix of the cleaned proxy path, and only that prefix is cut from what is forwarded', async () => {
  await withProxy({ ds: ds(), routes: [tokenRoute()] }, async ({ call }) => {
    await call('apix/y');
    assert.equal(requests.at(-1).url, '/x/y', '"api" is a prefix of "apix"');
    await call('api');
    assert.equal(requests.at(-1).url, '/');
    await call('api/a/b/');
    assert.equal(requests.at(-1).url, '/a/b/');
  });
});

test("reqRole: a user below the role gets a 403 with Grafana's message, an invalid role is no check at all", async () => {
  const routes = [tokenRoute({ method: 'POST', reqRole: 'Editor' }), tokenRoute({ path: 'open', reqRole: 'editor' })];
  await withProxy({ ds: ds(), routes, role: 'Viewer' }, async ({ call }) => {
    const res = await call('api/x', { method: 'POST', body: '{}' });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(await res.json(), { message: 'plugin proxy route access denied' });
    assert.equal((await call('open/x')).status, 200, '"editor" is not a valid RoleType');
    assert.equal(requests.length, 1);
  });
  await withProxy({ ds: ds(), routes, role: 'Editor' }, async ({ call }) => {
    assert.equal((await call('api/x', { method: 'POST', body: '{}' })).status, 200);
  });
});

test('every listed header is set even when it renders empty, and a missing key renders <no value>', async () => {
  const routes = [
    {
      path: 'api',
      url: '{{ .JsonData.apiUrl }}',
      headers: [
        { name: 'Authorization', content: 'Bearer {{ .SecureJsonData.token }}' },
        { name: 'X-Scope-OrgID', content: '{{ .JsonData.tenant | orEmpty }}' },
        { name: 'X-Optional', content: '{{ if .JsonData.tenant }}t={{ .JsonData.tenant }}{{ end }}' },
      ],
    },
  ];
  await withProxy({ ds: ds({}, {}), routes }, async ({ call }) => {
    await call('api/x');
    const seen = requests.at(-1).headers;
    assert.equal(seen.authorization, 'Bearer <no value>');
    assert.equal(seen['x-scope-orgid'], '');
    assert.equal(seen['x-optional'], '');
  });
});

test('a header the browser sends is replaced by the route header of the same name', async () => {
  await withProxy({ ds: ds(), routes: [tokenRoute()] }, async ({ call }) => {
    await call('api/x', { headers: { authorization: 'Bearer forged' } });
    assert.equal(requests.at(-1).headers.authorization, `Bearer ${SECRET}`);
  });
});

test('a route url that renders to no http(s) URL is a 502 with no body; a template error skips the route', async () => {
  await withProxy(
    {
      ds: ds(),
      routes: [
        { path: 'unset', url: '{{ .JsonData.unsetUrl }}' },
        { path: 'broken', url: '{{ .JsonData.apiUrl ' },
      ],
    },
    async ({ call, logs }) => {
      for (const p of ['unset/x', 'broken/x']) {
        const res = await call(p);
        assert.equal(res.status, 502, p);
        assert.equal(await res.text(), '');
      }
      assert.equal(requests.length, 0);
      assert.ok(logs.some((l) => /Error interpolating proxy url/.test(l)));
    }
  );
});

test('an upstream 401 becomes a 400 "Authentication to data source failed" in plain text; other statuses pass', async () => {
  await withProxy({ ds: ds(), routes: [tokenRoute()] }, async ({ call }) => {
    const res = await call('api/status/401');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type'), /^text\/plain/);
    assert.equal(await res.text(), 'Authentication to data source failed');
    const real400 = await call('api/status/400');
    assert.equal(real400.status, 400);
    assert.deepEqual(await real400.json(), { message: 'backend says 400' });
    assert.equal(real400.headers.get('set-cookie'), null);
    assert.equal(real400.headers.get('content-security-policy'), 'sandbox');
  });
});

test('an unreachable upstream is a 502 and one that does not answer in time a 504, both without a body', async () => {
  await withProxy(
    { ds: ds({ apiUrl: `http://127.0.0.1:${closedPort}` }), routes: [tokenRoute()] },
    async ({ call }) => {
      const res = await call('api/x');
      assert.equal(res.status, 502);
      assert.equal(await res.text(), '');
    }
  );
  await withProxy({ ds: ds(), routes: [tokenRoute()], timeoutMs: 200 }, async ({ call }) => {
    const res = await call('api/slow');
    assert.equal(res.status, 504);
    assert.equal(await res.text(), '');
  });
});

test('the query is re-encoded as Go does (keys sorted), and a %-escape in the path is escaped again', async () => {
  await withProxy({ ds: ds(), routes: [tokenRoute()] }, async ({ call }) => {
    await call('api/q?z=1&a=x%20y&a=2&filter=kind=component,metadata.name=a');
    assert.equal(requests.at(-1).url, '/q?a=x+y&a=2&filter=kind%3Dcomponent%2Cmetadata.name%3Da&z=1');
    await call('api/by-name/a%20b');
    assert.equal(requests.at(-1).url, '/by-name/a%2520b');
  });
});

test("unknown and invalid data source uids get the answers of Grafana's data source proxy service", async () => {
  await withProxy({ ds: ds(), routes: [tokenRoute()] }, async ({ raw }) => {
    const nope = await raw('/api/datasources/proxy/uid/nope/api/x');
    assert.equal(nope.status, 404);
    assert.deepEqual(await nope.json(), { message: 'Unable to find datasource' });
    const invalid = await raw('/api/datasources/proxy/uid/a.b/api/x');
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { message: 'UID is invalid' });
  });
});

// The plugin's own routes, rendered for settings as a new user leaves them: no <no value> anywhere.
const pluginRoutes = JSON.parse(readFileSync(path.join(ROOT, 'src', 'datasource', 'plugin.json'), 'utf8')).routes;
const urls = () =>
  Object.fromEntries(
    [
      'backstageUrl',
      'catalogFilesUrl',
      'opslevelUrl',
      'chaosMeshUrl',
      'litmusUrl',
      'gremlinUrl',
      'journalsUrl',
      'prometheusUrl',
    ].map((k) => [k, `${backendUrl}/${k}`])
  );

test('the plugin routes send empty headers, not <no value>, when tokens and the Gremlin scheme are unset', async () => {
  // promtenant is only called with a tenant set (prometheusRoute in connectors/flow/promClient.ts).
  const used = pluginRoutes.filter((r) => r.path !== 'promtenant');
  await withProxy({ ds: { jsonData: urls(), secureJsonData: {} }, routes: pluginRoutes }, async ({ call }) => {
    for (const route of used) {
      const res = await call(`${route.path}/x`, {
        method: route.method,
        body: route.method === 'POST' ? '{}' : undefined,
      });
      assert.equal(res.status, 200, route.path);
      assert.equal(requests.at(-1).url, `/${/\.JsonData\.(\w+)/.exec(route.url)[1]}/x`);
      for (const h of route.headers ?? []) {
        assert.equal(requests.at(-1).headers[h.name.toLowerCase()], '', `${route.path} ${h.name}`);
      }
    }
  });
});

test('the plugin routes: GET only where the plugin reads, POST only for the GraphQL backends', async () => {
  const methods = Object.fromEntries(pluginRoutes.map((r) => [r.path, r.method]));
  assert.deepEqual(methods, {
    backstage: 'GET',
    catalogfiles: 'GET',
    opslevel: 'POST',
    chaosmesh: 'GET',
    litmus: 'POST',
    gremlin: 'GET',
    journals: 'GET',
    prometheus: 'GET',
    promtenant: 'GET',
  });
  await withProxy(
    { ds: { jsonData: urls(), secureJsonData: { gremlinToken: SECRET, litmusToken: SECRET } }, routes: pluginRoutes },
    async ({ call }) => {
      for (const p of ['gremlin/attacks/new', 'litmus/api/query']) {
        const wrong = p.startsWith('gremlin') ? 'POST' : 'GET';
        assert.equal(
          (await call(p, { method: wrong, body: wrong === 'POST' ? '{}' : undefined })).status,
          502,
          `${wrong} ${p}`
        );
      }
      assert.equal(requests.length, 0);
    }
  );
});

test('Gremlin defaults to the Key scheme; the tenant header is sent only on the tenant route', async () => {
  const secure = { gremlinToken: SECRET, prometheusAuthorization: `Basic ${SECRET}` };
  await withProxy(
    { ds: { jsonData: { ...urls(), prometheusTenant: 'team-a' }, secureJsonData: secure }, routes: pluginRoutes },
    async ({ call }) => {
      await call('gremlin/attacks/range');
      assert.equal(requests.at(-1).headers.authorization, `Key ${SECRET}`);
      await call('prometheus/api/v1/query?query=up');
      assert.equal(requests.at(-1).headers['x-scope-orgid'], undefined);
      assert.equal(requests.at(-1).headers.authorization, `Basic ${SECRET}`);
      await call('promtenant/api/v1/query?query=up');
      assert.equal(requests.at(-1).url, '/prometheusUrl/api/v1/query?query=up');
      assert.equal(requests.at(-1).headers['x-scope-orgid'], 'team-a');
    }
  );
  await withProxy(
    { ds: { jsonData: { ...urls(), gremlinAuthScheme: 'Bearer' }, secureJsonData: secure }, routes: pluginRoutes },
    async ({ call }) => {
      await call('gremlin/attacks/range');
      assert.equal(requests.at(-1).headers.authorization, `Bearer ${SECRET}`);
    }
  );
});

test('the provisioned Faultline data source renders every route it configures without <no value>', () => {
  const { datasources } = readProvisioning(path.join(ROOT, 'provisioning'), {});
  const faultline = datasources.filter((d) => d.type === 'faultline-datasource');
  assert.ok(faultline.length > 0);
  for (const d of faultline) {
    const data = { JsonData: d.jsonData, SecureJsonData: d.secureJsonData };
    const configured = pluginRoutes.filter(
      (r) => d.jsonData[/\.JsonData\.(\w+)/.exec(r.url)[1]] && (r.path !== 'promtenant' || d.jsonData.prometheusTenant)
    );
    assert.ok(configured.length > 0, d.uid);
    for (const r of configured) {
      assert.match(renderGoTemplate(r.url, data), /^https?:\/\/[^/]/, `${d.uid} ${r.path}`);
      for (const h of r.headers ?? []) {
        assert.ok(!renderGoTemplate(h.content, data).includes('<no value>'), `${d.uid} ${r.path} ${h.name}`);
      }
    }
  }
});
