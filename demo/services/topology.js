// The demo shop: five services, who calls whom, and which calls a caller can do without.
// Ports come from demo/PORTS.md unless ctx.ports overrides them (tests use free ports).

const SERVICES = ['frontend', 'checkout', 'payments', 'inventory', 'shipping'];

const DEFAULT_PORTS = {
  services: { frontend: 8101, checkout: 8102, payments: 8103, inventory: 8104, shipping: 8105 },
  faultProxies: { frontend: 8201, checkout: 8202, payments: 8203, inventory: 8204, shipping: 8205 },
  chaosRunner: 8300,
};

/**
 * Each route of each service and the calls it makes. `optional` calls degrade the answer instead
 * of failing it, so a fault there is tolerated and the steady state holds — the demo needs runs
 * of both outcomes.
 */
const ROUTES = {
  frontend: {
    '/': [
      { to: 'inventory', path: '/stock', optional: true },
      { to: 'checkout', path: '/checkout' },
    ],
  },
  checkout: {
    '/checkout': [
      { to: 'inventory', path: '/reserve' },
      { to: 'payments', path: '/charge' },
      { to: 'shipping', path: '/quote', optional: true },
    ],
  },
  payments: { '/charge': [] },
  inventory: { '/stock': [], '/reserve': [] },
  shipping: { '/quote': [] },
};

/** Service and proxy ports, with ctx.ports (same keys as demo/run.mjs) taking precedence. */
function resolvePorts(ports = {}) {
  return {
    services: { ...DEFAULT_PORTS.services, ...(ports.services ?? {}) },
    faultProxies: { ...DEFAULT_PORTS.faultProxies, ...(ports.faultProxies ?? {}) },
    chaosRunner: ports.chaosRunner ?? DEFAULT_PORTS.chaosRunner,
  };
}

module.exports = { SERVICES, ROUTES, DEFAULT_PORTS, resolvePorts };
