// Fault state of one service as the chaos runner sets it through the proxy's control API.
// Every fault expires on its own, so a runner that dies mid-run leaves nothing broken behind.

const LIMITS = { seconds: [1, 600], latencyMs: [0, 30000], errorRate: [0, 1], status: [500, 599] };

/** Validated fault from a request body, or an Error saying which field is wrong. */
function parseFault(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new Error('expected a JSON object like {"latencyMs": 500, "seconds": 30} or {"errorRate": 1, "seconds": 30}');
  }
  const fault = { latencyMs: 0, errorRate: 0, status: 503, seconds: 30, ...body };
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const v = fault[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      throw new Error(`${key} must be a number from ${min} to ${max}`);
    }
  }
  if (fault.latencyMs === 0 && fault.errorRate === 0) {
    throw new Error('a fault needs latencyMs > 0 or errorRate > 0');
  }
  return {
    latencyMs: fault.latencyMs,
    errorRate: fault.errorRate,
    status: Math.round(fault.status),
    until: Date.now() + fault.seconds * 1000,
  };
}

/** The fault still live at `now`, if any. */
function activeFault(fault, now = Date.now()) {
  return fault && fault.until > now ? fault : undefined;
}

module.exports = { parseFault, activeFault, LIMITS };
