// One demo service as its own process: `node app.js <name> <ports JSON>`. It answers its routes by
// calling other services through their fault proxies, and exposes its metrics on /metrics.
const http = require('node:http');
const { ROUTES } = require('./topology');
const { Registry, recordEdge } = require('./metrics');
const { burnCpu } = require('./cpu');

const [name, portsJson] = process.argv.slice(2);
const ports = JSON.parse(portsJson);
const routes = ROUTES[name];
if (!routes) {
  console.error(`unknown service "${name}"`);
  process.exit(2);
}
const registry = new Registry();
const CALL_TIMEOUT_MS = 2000;

/** One downstream call through the callee's fault proxy, recorded as a client-side edge. */
async function call(step) {
  const started = process.hrtime.bigint();
  let status = 0;
  try {
    const res = await fetch(`http://127.0.0.1:${ports.faultProxies[step.to]}${step.path}`, {
      headers: { 'x-faultline-client': name },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    status = res.status;
  } catch {
    status = 0;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = status === 0 || status >= 500;
  recordEdge(registry, name, step.to, seconds, failed);
  return { to: step.to, status, failed, optional: !!step.optional };
}

/** Some real work per request, so latency graphs have a shape before any fault. */
function work() {
  return new Promise((r) => setTimeout(r, 5 + Math.random() * 25));
}

async function handle(route) {
  await work();
  const calls = await Promise.all(routes[route].map(call));
  const broken = calls.find((c) => c.failed && !c.optional);
  if (broken) {
    return { code: 502, body: { error: `${broken.to} answered ${broken.status || 'nothing'}`, calls } };
  }
  return { code: 200, body: { service: name, degraded: calls.filter((c) => c.failed).map((c) => c.to), calls } };
}

function send(res, code, body, type = 'application/json') {
  res.writeHead(code, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/metrics') {
    const { user, system } = process.cpuUsage();
    registry.set(
      'process_cpu_seconds_total',
      'Total user and system CPU time spent in seconds',
      { service: name },
      (user + system) / 1e6,
      'counter'
    );
    return send(res, 200, registry.text(), 'text/plain; version=0.0.4');
  }
  if (url.pathname === '/healthz') {
    return send(res, 200, { service: name, pid: process.pid });
  }
  if (url.pathname === '/control/cpu' && req.method === 'POST') {
    const seconds = Number(url.searchParams.get('seconds'));
    if (!Number.isFinite(seconds) || seconds < 0 || seconds > 300) {
      return send(res, 400, { error: 'seconds must be a number from 0 to 300' });
    }
    burnCpu(seconds);
    return send(res, 202, { service: name, burning: seconds });
  }
  if (!routes[url.pathname]) {
    return send(res, 404, { error: `no route ${url.pathname} on ${name}` });
  }
  const started = process.hrtime.bigint();
  handle(url.pathname)
    .catch((e) => ({ code: 500, body: { error: String(e) } }))
    .then(({ code, body }) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      registry.inc('http_server_requests_total', 'HTTP requests served', {
        service: name,
        route: url.pathname,
        code: String(code),
      });
      registry.observe(
        'http_server_request_duration_seconds',
        'Time to serve an HTTP request',
        { service: name },
        seconds
      );
      send(res, code, body);
    });
});

server.listen(ports.services[name], '127.0.0.1', () =>
  console.log(`${name} listening on 127.0.0.1:${ports.services[name]} (pid ${process.pid})`)
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
