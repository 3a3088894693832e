// Demo backend: Prometheus (Debian's /usr/bin/prometheus) on 127.0.0.1:9090 scraping the demo
// services and the eBPF exporter every 5 s; its data stays in <stateDir>/data between demos.
const fs = require('node:fs');
const path = require('node:path');
const { startProcess, httpReady } = require('../../scripts/lib/processes');
const { resolvePorts } = require('../services/topology');
const { scrapeConfig } = require('./config');

const BINARY = '/usr/bin/prometheus';

module.exports = {
  name: 'prometheus',
  order: 40,
  async start(ctx) {
    const binary = ctx.prometheusBinary ?? BINARY;
    if (!fs.existsSync(binary)) {
      throw new Error(`${binary} is missing: apt-get install prometheus`);
    }
    if (!ctx.stateDir) {
      throw new Error('Prometheus needs ctx.stateDir for its configuration and storage');
    }
    const port = ctx.ports?.prometheus ?? 9090;
    const dir = ctx.stateDir;
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    const configFile = path.join(dir, 'prometheus.yml');
    fs.writeFileSync(
      configFile,
      scrapeConfig({ ports: resolvePorts(ctx.ports), ebpfExporter: ctx.ports?.ebpfExporter ?? 9400 })
    );
    const url = `http://127.0.0.1:${port}`;
    const p = await startProcess({
      name: 'prometheus',
      cmd: binary,
      args: [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=7d',
      ],
      ready: () => httpReady(`${url}/-/ready`),
      timeoutMs: 60000,
      logFile: path.join(ctx.stateDir, 'prometheus.log'),
    });
    ctx.log?.(`Prometheus on ${url}, scraping the demo services every 5 s`);
    return { url, pid: p.pid, stop: () => p.stop() };
  },
};
