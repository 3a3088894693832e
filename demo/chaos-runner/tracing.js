// Chaos Toolkit's OpenTelemetry control (chaostoolkit-opentracing, module chaostracing.oltp) traces
// every activity of a run. It is loaded as a global control only when a collector is configured
// with the standard OTLP variables; the exporter reads them itself. Off by default.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { chaosToolkitDir } = require('../../scripts/lib/chaosToolkit');

const CONTROL = path.join(chaosToolkitDir, 'controls', 'opentelemetry.json');

/** `--control-file` paths for `chaos run`: the tracing control when a collector is set and installed. */
function tracingControlFiles(toolkit, log, env = process.env) {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) {
    return [];
  }
  const installed = spawnSync(toolkit.python, ['-c', 'import chaostracing.oltp'], { stdio: 'ignore' }).status === 0;
  if (!installed) {
    log?.(
      `${endpoint} is set but chaostoolkit-opentracing is not installed: ` +
        `demo/chaos-toolkit/.venv/bin/python -m pip install chaostoolkit-opentracing`
    );
    return [];
  }
  log?.(`runs are traced to ${endpoint} (Chaos Toolkit's OpenTelemetry control)`);
  return [CONTROL];
}

module.exports = { tracingControlFiles };
