// The Chaos Toolkit experiment for one run: "the frontend stays healthy while <target> has <fault>".
// The steady state is checked before the fault and again at the end of the method while the fault
// is still live (rollbacks remove it afterwards, as in Chaos Toolkit), so a run deviates exactly
// when the fault reaches the users: a failing payments does, a failing shipping quote does not.
const { faultActivities } = require('./faults');

const TOLERANCE = { maxErrorRate: 0.05, maxP95Seconds: 1 };

function hypothesis(ports) {
  const url = `http://127.0.0.1:${ports.faultProxies.frontend}/`;
  const provider = { type: 'http', url, method: 'GET', timeout: 3, samples: 16 };
  return {
    title: 'Users get answers from the frontend',
    probes: [
      {
        type: 'probe',
        name: 'frontend-error-rate',
        tolerance: { type: 'range', range: [0, TOLERANCE.maxErrorRate], target: 'error_rate' },
        provider,
      },
      {
        type: 'probe',
        name: 'frontend-p95-latency',
        tolerance: { type: 'range', range: [0, TOLERANCE.maxP95Seconds], target: 'p95_seconds' },
        provider,
      },
    ],
  };
}

function title({ fault, target, latencyMs, errorRate }) {
  switch (fault) {
    case 'kill':
      return `Frontend survives ${target} being killed`;
    case 'latency':
      return `Frontend tolerates ${latencyMs} ms latency in ${target}`;
    case 'errors':
      return `Frontend tolerates ${target} failing ${Math.round(errorRate * 100)}% of requests`;
    default:
      return `Frontend tolerates CPU starvation in ${target}`;
  }
}

function experimentFor(spec, ports) {
  const acts = faultActivities(spec, ports);
  const half = Math.max(spec.seconds / 2, 0.5);
  const hypo = hypothesis(ports);
  return {
    version: '1.0.0',
    title: title(spec),
    description: `Inject a real fault for ${spec.seconds} s: ${acts.describe}. The steady state must hold before, and still hold at the end of the fault.`,
    // `service:<name>` names the target for Faultline's journal reader; `fault:` becomes its kind.
    tags: ['faultline', `service:${spec.target}`, `fault:${spec.fault}`],
    configuration: { target_service: spec.target },
    'steady-state-hypothesis': hypo,
    method: [
      { type: 'action', name: `inject-${spec.fault}-${spec.target}`, provider: acts.inject, pauses: { after: half } },
      { type: 'probe', name: 'frontend-under-fault', provider: hypo.probes[0].provider, pauses: { after: half } },
    ],
    rollbacks: [{ type: 'action', name: `remove-${spec.fault}-${spec.target}`, provider: acts.remove }],
  };
}

module.exports = { experimentFor, TOLERANCE };
