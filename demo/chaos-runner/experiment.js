// Which Chaos Toolkit experiment a run request runs, and its configuration. The experiment files
// (demo/chaos-toolkit/experiments/<fault>.json) read ports, target and fault size from environment
// variables (configuration entries of type "env"). Chaos Toolkit substitutes configuration into the
// title and the activities but never into tags, and the journal keeps the experiment as declared:
// so the experiment as run is the file plus one tag, `service:<target>`, which names the target
// for Faultline's journal reader.
const fs = require('node:fs');
const path = require('node:path');
const { chaosToolkitDir } = require('../../scripts/lib/chaosToolkit');

const EXPERIMENTS = path.join(chaosToolkitDir, 'experiments');
/** Every injection expires on its own this long after the planned end, should the run die. */
const SAFETY_SECONDS = 30;

/** The environment of one run: the configuration its experiment file declares. */
function experimentEnv(spec, ports, { prometheusUrl, prometheusWindow } = {}) {
  const { target, seconds } = spec;
  return {
    FAULTLINE_TARGET: target,
    FAULTLINE_FRONTEND_URL: `http://127.0.0.1:${ports.faultProxies.frontend}/`,
    FAULTLINE_CONTROL_URL: `http://127.0.0.1:${ports.faultProxies[target]}/__faultline`,
    FAULTLINE_SERVICE_URL: `http://127.0.0.1:${ports.services[target]}`,
    FAULTLINE_SAFETY_SECONDS: String(seconds + SAFETY_SECONDS),
    FAULTLINE_HALF_SECONDS: String(Math.max(seconds / 2, 0.5)),
    FAULTLINE_LATENCY_MS: String(spec.latencyMs),
    FAULTLINE_ERROR_RATE: String(spec.errorRate),
    FAULTLINE_ERROR_PERCENT: String(Math.round(spec.errorRate * 100)),
    FAULTLINE_PROMETHEUS_URL: prometheusUrl ?? `http://127.0.0.1:${ports.prometheus ?? 9090}`,
    ...(prometheusWindow ? { FAULTLINE_PROMETHEUS_WINDOW: prometheusWindow } : {}),
  };
}

/** Writes the experiment as run into `runDir` and returns its path. */
function writeExperiment(spec, runDir) {
  const experiment = JSON.parse(fs.readFileSync(path.join(EXPERIMENTS, `${spec.fault}.json`), 'utf8'));
  experiment.tags = [...experiment.tags, `service:${spec.target}`];
  fs.mkdirSync(runDir, { recursive: true });
  const file = path.join(runDir, 'experiment.json');
  fs.writeFileSync(file, JSON.stringify(experiment, null, 2));
  return file;
}

module.exports = { experimentEnv, writeExperiment, EXPERIMENTS, SAFETY_SECONDS };
