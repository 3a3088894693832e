// User traffic, bounded: a few requests a second into the frontend's proxy, never more than
// MAX_IN_FLIGHT waiting, loopback only. Recorded as the edge user → frontend.
const { recordEdge } = require('./metrics');

const MAX_IN_FLIGHT = 8;

function startLoad(ports, registry, rps) {
  if (!(rps > 0)) {
    return () => undefined;
  }
  let inFlight = 0;
  const timer = setInterval(async () => {
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
    // "user" is the name Tempo's service graph gives the uninstrumented client of an entry service.
    recordEdge(
      registry,
      'user',
      'frontend',
      Number(process.hrtime.bigint() - started) / 1e9,
      code === 0 || code >= 500
    );
  }, 1000 / rps);
  const audit = startAudit(ports, registry);
  return () => {
    clearInterval(timer);
    clearInterval(audit);
  };
}

/**
 * A stock audit job that reads inventory every two seconds and that nobody put in the catalog:
 * the demo's deliberate catalog drift (a service seen in the flows that the catalog lacks).
 */
const AUDIT_CLIENT = 'stock-audit';

function startAudit(ports, registry) {
  return setInterval(async () => {
    const started = process.hrtime.bigint();
    let code = 0;
    try {
      const r = await fetch(`http://127.0.0.1:${ports.faultProxies.inventory}/stock`, {
        headers: { 'x-faultline-client': AUDIT_CLIENT },
        signal: AbortSignal.timeout(5000),
      });
      await r.arrayBuffer();
      code = r.status;
    } catch {
      code = 0;
    }
    recordEdge(registry, AUDIT_CLIENT, 'inventory', Number(process.hrtime.bigint() - started) / 1e9, code === 0 || code >= 500);
  }, 2000);
}

module.exports = { startLoad, AUDIT_CLIENT };
