// Demo backend: a second cluster, "b" — its flow exporter on 127.0.0.1:9402 and its own Prometheus
// on 127.0.0.1:9091 scraping it every 5 s with the external label `cluster: b` (demo/PORTS.md).
const path = require('node:path');
const { startProcess, httpReady } = require('../../scripts/lib/processes');
const { clusterBConfig } = require('../prometheus/config');
const { startDemoPrometheus } = require('../prometheus/start');

module.exports = {
  name: 'cluster-b',
  order: 45,
  async start(ctx) {
    const exporterPort = ctx.ports?.clusterBExporter ?? 9402;
    const exporterUrl = `http://127.0.0.1:${exporterPort}`;
    const exporter = await startProcess({
      name: 'cluster b flow exporter',
      cmd: process.execPath,
      args: [path.join(__dirname, 'exporter.js'), '--listen', `127.0.0.1:${exporterPort}`],
      ready: () => httpReady(`${exporterUrl}/metrics`),
      timeoutMs: 30000,
      logFile: ctx.stateDir ? path.join(ctx.stateDir, 'exporter.log') : undefined,
    });
    let prometheus;
    try {
      prometheus = await startDemoPrometheus(ctx, {
        name: 'prometheus (cluster b)',
        port: ctx.ports?.prometheusB ?? 9091,
        dir: ctx.stateDir,
        config: clusterBConfig({ exporter: exporterPort }),
      });
    } catch (e) {
      await exporter.stop();
      throw e;
    }
    ctx.log?.(`cluster b: flow exporter ${exporterUrl}/metrics, Prometheus ${prometheus.url}`);
    return {
      url: prometheus.url,
      exporterUrl,
      stop: async () => {
        await prometheus.stop();
        await exporter.stop();
      },
    };
  },
};
