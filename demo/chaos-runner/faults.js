// The four real faults the demo's Chaos Toolkit experiments inject (demo/chaos-toolkit/experiments/),
// and the run requests the runner accepts.
const FAULTS = ['kill', 'latency', 'errors', 'cpu'];

/**
 * A validated run request, or an Error naming the bad field. Bounded so an on-demand run can
 * neither outlast a demo nor pile up: 1–300 s.
 */
function parseRunRequest(body, services) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new Error('expected a JSON object like {"fault":"latency","target":"payments","seconds":30}');
  }
  const { fault, target } = body;
  if (!FAULTS.includes(fault)) {
    throw new Error(`fault must be one of ${FAULTS.join('|')}`);
  }
  if (!services.includes(target)) {
    throw new Error(`target must be one of ${services.join('|')}`);
  }
  const seconds = body.seconds ?? 30;
  if (typeof seconds !== 'number' || !(seconds >= 1 && seconds <= 300)) {
    throw new Error('seconds must be a number from 1 to 300');
  }
  const latencyMs = body.latencyMs ?? 1200;
  if (typeof latencyMs !== 'number' || !(latencyMs >= 1 && latencyMs <= 10000)) {
    throw new Error('latencyMs must be a number from 1 to 10000');
  }
  const errorRate = body.errorRate ?? 1;
  if (typeof errorRate !== 'number' || !(errorRate > 0 && errorRate <= 1)) {
    throw new Error('errorRate must be a number above 0 and at most 1');
  }
  return { fault, target, seconds, latencyMs, errorRate };
}

module.exports = { FAULTS, parseRunRequest };
