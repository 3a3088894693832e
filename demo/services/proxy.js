// The fault proxy in front of one service: forwards every request, after the injected latency, or
// answers the injected 5xx itself; a dead service becomes a 502, as behind any reverse proxy.
// Its control API (the chaos runner's way in) lives under /__faultline/.
const http = require('node:http');
const { parseFault, activeFault } = require('./faults');
const { send, readJson } = require('./httpUtil');

const USAGE = 'try GET status|metrics, POST|DELETE fault, POST kill {"seconds"}|start';

/** `ctx`: {ports, processes (ServiceProcesses), faults ({[service]: fault}), metricsText()} */
function createProxy(name, ctx) {
  const status = () => {
    const fault = activeFault(ctx.faults[name]);
    const f = fault && {
      latencyMs: fault.latencyMs,
      errorRate: fault.errorRate,
      status: fault.status,
      until: new Date(fault.until).toISOString(),
    };
    return { service: name, ...ctx.processes.status(name), fault: f ?? null };
  };

  const control = async (req, res, what) => {
    try {
      const route = `${req.method} ${what}`;
      if (route === 'GET status') {
        return send(res, 200, status());
      }
      if (route === 'GET metrics') {
        return send(res, 200, ctx.metricsText(), 'text/plain; version=0.0.4');
      }
      if (route === 'POST fault') {
        ctx.faults[name] = parseFault(await readJson(req));
        return send(res, 200, status());
      }
      if (route === 'DELETE fault') {
        ctx.faults[name] = undefined;
        return send(res, 200, status());
      }
      if (route === 'POST kill') {
        const seconds = (await readJson(req))?.seconds ?? 30;
        if (typeof seconds !== 'number' || !(seconds >= 1 && seconds <= 600)) {
          throw new Error('seconds must be a number from 1 to 600');
        }
        return send(res, 200, ctx.processes.kill(name, seconds));
      }
      if (route === 'POST start') {
        ctx.processes.restart(name);
        return send(res, 200, status());
      }
      return send(res, 404, { error: `no control ${req.method} /__faultline/${what}; ${USAGE}` });
    } catch (e) {
      return send(res, 400, { error: e.message });
    }
  };

  const forward = (req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: ctx.ports.services[name], method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      }
    );
    upstream.on('error', (e) => send(res, 502, { error: `${name} is unreachable: ${e.code ?? e.message}` }));
    req.pipe(upstream);
  };

  return http.createServer((req, res) => {
    const m = /^\/__faultline\/([a-z]+)$/.exec(req.url.split('?')[0]);
    if (m) {
      return control(req, res, m[1]);
    }
    const fault = activeFault(ctx.faults[name]);
    const go = () => {
      if (fault && fault.errorRate > 0 && Math.random() < fault.errorRate) {
        req.resume();
        return send(res, fault.status, { error: `fault injected into ${name}: ${fault.status}` });
      }
      forward(req, res);
    };
    return fault && fault.latencyMs > 0 ? setTimeout(go, fault.latencyMs) : go();
  });
}

module.exports = { createProxy };
