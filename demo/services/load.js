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
  return () => clearInterval(timer);
}

module.exports = { startLoad };
