// What the schedule breaks. Faults and targets are drawn so that, over an hour, every service is
// hit and both outcomes occur: faults on optional calls (shipping quotes, the frontend's stock
// lookup) or mild latency are tolerated; kills and errors on the checkout path are not.
const { FAULTS } = require('./faults');
const { SERVICES } = require('../services/topology');

/** The first run: short, tolerated (checkout carries on without shipping quotes), visible on graphs. */
const FIRST_RUN = { fault: 'errors', target: 'shipping', seconds: 15, latencyMs: 1200, errorRate: 1 };

function pick(list, random) {
  return list[Math.floor(random() * list.length) % list.length];
}

function pickScheduled(random = Math.random) {
  const fault = pick(FAULTS, random);
  return {
    fault,
    target: pick(SERVICES, random),
    seconds: 20 + Math.round(random() * 20),
    latencyMs: pick([300, 600, 1500], random),
    errorRate: pick([0.3, 1], random),
  };
}

module.exports = { pickScheduled, FIRST_RUN };
