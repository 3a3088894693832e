// The demo's supervisor, in one process: `node supervisor.js <ports JSON>`. Each service runs as
// its own child process (so a kill fault is a real process death); one fault proxy per service
// stands between callers and the service, where latency and 5xx are injected and where the
// chaos runner's control API lives; user traffic enters through the frontend's proxy.
const { SERVICES } = require('./topology');
const { Registry } = require('./metrics');
const { activeFault } = require('./faults');
const { ServiceProcesses } = require('./children');
const { createProxy } = require('./proxy');
const { startLoad } = require('./load');

const ports = JSON.parse(process.argv[2]);
const LOAD_RPS = Math.min(Math.max(Number(process.env.FAULTLINE_LOAD_RPS ?? 4), 0), 20);
const log = (msg) => console.log(`[supervisor] ${msg}`);
const registry = new Registry();
const processes = new ServiceProcesses(ports, log);
const faults = {};

/** The user edge plus which faults are live, so a dashboard can show them without the runner. */
function metricsText() {
  const help = 'Fault injected into a demo service right now (1) or not (0)';
  for (const name of SERVICES) {
    const f = activeFault(faults[name]);
    registry.set(
      'faultline_demo_fault_active',
      help,
      { service: name, fault: 'latency' },
      f && f.latencyMs > 0 ? 1 : 0
    );
    registry.set('faultline_demo_fault_active', help, { service: name, fault: 'errors' }, f && f.errorRate > 0 ? 1 : 0);
    registry.set(
      'faultline_demo_fault_active',
      help,
      { service: name, fault: 'kill' },
      processes.status(name).up ? 0 : 1
    );
  }
  return registry.text();
}

const ctx = { ports, processes, faults, metricsText };
const servers = SERVICES.map((name) => createProxy(name, ctx).listen(ports.faultProxies[name], '127.0.0.1'));
processes.startAll();
const stopLoad = startLoad(ports, registry, LOAD_RPS);
log(`fault proxies on ${SERVICES.map((s) => ports.faultProxies[s]).join(', ')}; load ${LOAD_RPS}/s into frontend`);

function shutdown() {
  stopLoad();
  servers.forEach((s) => s.close());
  processes.stopAll();
  setTimeout(() => process.exit(0), 300).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
