// The four real faults, as Chaos Toolkit activities: an HTTP action that injects the fault and the
// rollback that removes it. Every injection also carries a safety expiry (SAFETY_SECONDS past the
// planned end) so a runner that dies mid-run leaves nothing broken for long.
const FAULTS = ['kill', 'latency', 'errors', 'cpu'];
const SAFETY_SECONDS = 30;

function http(url, method, args) {
  return { type: 'http', url, method, timeout: 5, ...(args ? { arguments: args } : {}) };
}

/** `{inject, remove, describe}` for one fault; `spec` is validated by parseRunRequest. */
function faultActivities(spec, ports) {
  const { fault, target, seconds } = spec;
  const control = `http://127.0.0.1:${ports.faultProxies[target]}/__faultline`;
  const safety = seconds + SAFETY_SECONDS;
  switch (fault) {
    case 'kill':
      return {
        describe: `kill the ${target} process (SIGKILL) and keep it down`,
        inject: http(`${control}/kill`, 'POST', { seconds: safety }),
        remove: http(`${control}/start`, 'POST'),
      };
    case 'latency':
      return {
        describe: `delay every request to ${target} by ${spec.latencyMs} ms at its proxy`,
        inject: http(`${control}/fault`, 'POST', { latencyMs: spec.latencyMs, seconds: safety }),
        remove: http(`${control}/fault`, 'DELETE'),
      };
    case 'errors':
      return {
        describe: `answer ${Math.round(spec.errorRate * 100)}% of requests to ${target} with 503 at its proxy`,
        inject: http(`${control}/fault`, 'POST', { errorRate: spec.errorRate, status: 503, seconds: safety }),
        remove: http(`${control}/fault`, 'DELETE'),
      };
    case 'cpu': {
      const cpu = `http://127.0.0.1:${ports.services[target]}/control/cpu`;
      return {
        describe: `burn CPU inside the ${target} process`,
        inject: http(`${cpu}?seconds=${safety}`, 'POST'),
        remove: http(`${cpu}?seconds=0`, 'POST'),
      };
    }
    default:
      throw new Error(`unknown fault "${fault}"`);
  }
}

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

module.exports = { FAULTS, faultActivities, parseRunRequest };
