// Starts one demo Prometheus (Debian's /usr/bin/prometheus) on 127.0.0.1:<port> with `config` as
// its prometheus.yml; configuration, data (kept between demos) and log live in `dir`.
const fs = require('node:fs');
const path = require('node:path');
const { startProcess, httpReady } = require('../../scripts/lib/processes');

const BINARY = '/usr/bin/prometheus';

async function startDemoPrometheus(ctx, { name, port, dir, config }) {
  const binary = ctx.prometheusBinary ?? BINARY;
  if (!fs.existsSync(binary)) {
    throw new Error(`${binary} is missing: apt-get install prometheus`);
  }
  if (!dir) {
    throw new Error(`${name} needs ctx.stateDir for its configuration and storage`);
  }
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const configFile = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(configFile, config);
  const url = `http://127.0.0.1:${port}`;
  const p = await startProcess({
    name,
    cmd: binary,
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=7d',
    ],
    ready: () => httpReady(`${url}/-/ready`),
    timeoutMs: 60000,
    logFile: path.join(dir, 'prometheus.log'),
  });
  return { url, pid: p.pid, stop: () => p.stop() };
}

module.exports = { startDemoPrometheus };
