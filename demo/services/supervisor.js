// The demo's process supervisor, fault proxies and load generator, in one process:
// `node supervisor.js <ports JSON>`. Each service runs as its own child process (so a kill fault
// is a real process death); one proxy per service stands between callers and the service, where
// latency and 5xx are injected; a steady trickle of user requests enters through the frontend's proxy.
// The control API of each service lives on its proxy port under /__faultline/.
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { SERVICES } = require('./topology');
const { Registry, recordEdge } = require('./metrics');
const { parseFault, activeFault } = require('./faults');

const ports = JSON.parse(process.argv[2]);
const LOAD_RPS = Math.min(Math.max(Number(process.env.FAULTLINE_LOAD_RPS ?? 4), 0), 20);
const MAX_IN_FLIGHT = 8;
const CRASH_RESTART_MS = 1000;
const registry = new Registry();
const state = Object.fromEntries(
  SERVICES.map((s) => [s, { child: undefined, restarts: 0, heldUntil: 0, holdTimer: undefined, fault: undefined }])
);
let stopping = false;

function log(msg) {
  console.log(`[supervisor] ${msg}`);
}

function startService(name) {
  const s = state[name];
  const child = spawn(process.execPath, [path.join(__dirname, 'app.js'), name, JSON.stringify(ports)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  s.child = child;
  child.on('exit', (code, signal) => {
    if (s.child !== child) {
      return;
    }
    s.child = undefined;
    if (stopping) {
      return;
    }
    log(`${name} (pid ${child.pid}) exited (${code ?? signal})`);
    // A kill fault holds the service down for its duration; any other exit is a crash, restarted soon.
    if (s.heldUntil <= Date.now()) {
      s.restarts += 1;
      setTimeout(() => !stopping && !s.child && startService(name), CRASH_RESTART_MS);
    }
  });
}

function kill(name, seconds) {
  const s = state[name];
  const pid = s.child?.pid;
  s.heldUntil = Date.now() + seconds * 1000;
  clearTimeout(s.holdTimer);
  s.holdTimer = setTimeout(() => restart(name), seconds * 1000);
  s.child?.kill('SIGKILL');
  return { service: name, killedPid: pid ?? null, downUntil: new Date(s.heldUntil).toISOString() };
}

function restart(name) {
  const s = state[name];
  clearTimeout(s.holdTimer);
  s.heldUntil = 0;
  if (!s.child && !stopping) {
    s.restarts += 1;
    startService(name);
  }
  return status(name);
}

function status(name) {
  const s = state[name];
  const fault = activeFault(s.fault);
  return {
    service: name,
    pid: s.child?.pid ?? null,
    up: !!s.child,
    restarts: s.restarts,
    downUntil: s.heldUntil > Date.now() ? new Date(s.heldUntil).toISOString() : null,
    fault: fault
      ? {
          latencyMs: fault.latencyMs,
          errorRate: fault.errorRate,
          status: fault.status,
          until: new Date(fault.until).toISOString(),
        }
      : null,
  };
}

function send(res, code, body, type = 'application/json') {
  if (res.headersSent) {
    return;
  }
  res.writeHead(code, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
      if (text.length > 10000) {
        reject(new Error('body too large'));
        req.destroy();
      }
    });
    req.on('end', () => {
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('body is not JSON'));
      }
    });
  });
}

function metricsText() {
  for (const name of SERVICES) {
    const f = activeFault(state[name].fault);
    const help = 'Fault injected into a demo service right now (1) or not (0)';
    registry.set(
      'faultline_demo_fault_active',
      help,
      { service: name, fault: 'latency' },
      f && f.latencyMs > 0 ? 1 : 0
    );
    registry.set('faultline_demo_fault_active', help, { service: name, fault: 'errors' }, f && f.errorRate > 0 ? 1 : 0);
    registry.set('faultline_demo_fault_active', help, { service: name, fault: 'kill' }, state[name].child ? 0 : 1);
  }
  return registry.text();
}

async function control(name, req, res, what) {
  try {
    const seconds = (body) => {
      const v = body.seconds ?? 30;
      if (typeof v !== 'number' || !(v >= 1 && v <= 600)) {
        throw new Error('seconds must be a number from 1 to 600');
      }
      return v;
    };
    if (what === 'status' && req.method === 'GET') {
      return send(res, 200, status(name));
    }
    if (what === 'metrics' && req.method === 'GET') {
      return send(res, 200, metricsText(), 'text/plain; version=0.0.4');
    }
    if (what === 'fault' && req.method === 'POST') {
      state[name].fault = parseFault(await readJson(req));
      return send(res, 200, status(name));
    }
    if (what === 'fault' && req.method === 'DELETE') {
      state[name].fault = undefined;
      return send(res, 200, status(name));
    }
    if (what === 'kill' && req.method === 'POST') {
      return send(res, 200, kill(name, seconds(await readJson(req))));
    }
    if (what === 'start' && req.method === 'POST') {
      return send(res, 200, restart(name));
    }
    return send(res, 404, {
      error: `no control ${req.method} /__faultline/${what}; try GET status|metrics, POST|DELETE fault, POST kill|start`,
    });
  } catch (e) {
    return send(res, 400, { error: e.message });
  }
}

function forward(name, req, res) {
  const upstream = http.request(
    { host: '127.0.0.1', port: ports.services[name], method: req.method, path: req.url, headers: req.headers },
    (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    }
  );
  upstream.on('error', (e) => send(res, 502, { error: `${name} is unreachable: ${e.code ?? e.message}` }));
  req.pipe(upstream);
}

function proxy(name) {
  return http.createServer((req, res) => {
    const m = /^\/__faultline\/([a-z]+)$/.exec(req.url.split('?')[0]);
    if (m) {
      return control(name, req, res, m[1]);
    }
    const fault = activeFault(state[name].fault);
    const go = () => {
      if (fault && fault.errorRate > 0 && Math.random() < fault.errorRate) {
        req.resume();
        return send(res, fault.status, { error: `fault injected into ${name}: ${fault.status}` });
      }
      forward(name, req, res);
    };
    return fault && fault.latencyMs > 0 ? setTimeout(go, fault.latencyMs) : go();
  });
}

/** User traffic, bounded: a few requests a second, never more than MAX_IN_FLIGHT waiting. */
function startLoad() {
  let inFlight = 0;
  if (LOAD_RPS <= 0) {
    return undefined;
  }
  return setInterval(async () => {
    if (inFlight >= MAX_IN_FLIGHT) {
      return;
    }
    inFlight += 1;
    const started = process.hrtime.bigint();
    let code = 0;
    try {
      const r = await fetch(`http://127.0.0.1:${ports.faultProxies.frontend}/`, {
        headers: { 'x-faultline-client': 'user' },
        signal: AbortSignal.timeout(5000),
      });
      await r.arrayBuffer();
      code = r.status;
    } catch {
      code = 0;
    }
    inFlight -= 1;
    // "user" is the name Tempo's service graph gives to the uninstrumented client of the entry service.
    recordEdge(
      registry,
      'user',
      'frontend',
      Number(process.hrtime.bigint() - started) / 1e9,
      code === 0 || code >= 500
    );
  }, 1000 / LOAD_RPS);
}

const servers = SERVICES.map((name) => proxy(name).listen(ports.faultProxies[name], '127.0.0.1'));
SERVICES.forEach(startService);
const load = startLoad();
log(`fault proxies on ${SERVICES.map((s) => ports.faultProxies[s]).join(', ')}; load ${LOAD_RPS}/s into frontend`);

function shutdown() {
  stopping = true;
  clearInterval(load);
  servers.forEach((s) => s.close());
  for (const s of Object.values(state)) {
    clearTimeout(s.holdTimer);
    s.child?.kill('SIGTERM');
  }
  setTimeout(() => process.exit(0), 300).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
