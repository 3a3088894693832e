// Demo backend: Prometheus of cluster a on 127.0.0.1:9090 scraping the demo services and the eBPF
// exporter every 5 s (external label `cluster: a`); its data stays in <stateDir>/data between demos.
const { resolvePorts } = require('../services/topology');
const { scrapeConfig } = require('./config');
const { startDemoPrometheus } = require('./start');

module.exports = {
  name: 'prometheus',
  order: 40,
  async start(ctx) {
    const handle = await startDemoPrometheus(ctx, {
      name: 'prometheus',
      port: ctx.ports?.prometheus ?? 9090,
      dir: ctx.stateDir,
      config: scrapeConfig({ ports: resolvePorts(ctx.ports), ebpfExporter: ctx.ports?.ebpfExporter ?? 9400 }),
    });
    ctx.log?.(`Prometheus (cluster a) on ${handle.url}, scraping the demo services every 5 s`);
    return handle;
  },
};
