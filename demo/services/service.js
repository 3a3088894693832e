// Demo backend: five small HTTP services that call each other (frontend → checkout → payments,
// checkout → inventory and shipping, frontend → inventory), each behind a fault proxy, with user
// traffic flowing in. Ports: demo/PORTS.md, or ctx.ports ({services, faultProxies}) in tests.
const path = require('node:path');
const { startProcess, httpReady } = require('../../scripts/lib/processes');
const { SERVICES, resolvePorts } = require('./topology');

module.exports = {
  name: 'services',
  // Before the chaos runner (which injects faults into them) and Prometheus (which scrapes them).
  order: 20,
  async start(ctx) {
    const ports = resolvePorts(ctx.ports);
    const ready = async () => {
      for (const name of SERVICES) {
        if (!(await httpReady(`http://127.0.0.1:${ports.services[name]}/healthz`))) {
          return false;
        }
        if (!(await httpReady(`http://127.0.0.1:${ports.faultProxies[name]}/__faultline/status`))) {
          return false;
        }
      }
      return true;
    };
    const p = await startProcess({
      name: 'demo services',
      cmd: process.execPath,
      args: [path.join(__dirname, 'supervisor.js'), JSON.stringify(ports)],
      env: ctx.loadRps !== undefined ? { FAULTLINE_LOAD_RPS: String(ctx.loadRps) } : undefined,
      ready,
      timeoutMs: 30000,
      logFile: ctx.stateDir ? path.join(ctx.stateDir, 'services.log') : undefined,
    });
    const url = `http://127.0.0.1:${ports.faultProxies.frontend}/`;
    ctx.log?.(
      `${SERVICES.map((s) => `${s} :${ports.services[s]}`).join(', ')}; fault proxies :${ports.faultProxies.frontend}–; user traffic into ${url}`
    );
    return { url, pid: p.pid, stop: () => p.stop() };
  },
};
