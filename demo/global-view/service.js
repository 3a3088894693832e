// Demo backend: the global view on 127.0.0.1:9092, a Prometheus federating cluster a's (9090) and
// cluster b's (9091) every 5 s. The Faultline data source reads it (provisioning/), so the flow map
// holds both clusters, each series with its `cluster` label.
const { globalViewConfig } = require('../prometheus/config');
const { startDemoPrometheus } = require('../prometheus/start');

module.exports = {
  name: 'global-view',
  // After both clusters' Prometheus servers.
  order: 50,
  async start(ctx) {
    const handle = await startDemoPrometheus(ctx, {
      name: 'prometheus (global view)',
      port: ctx.ports?.prometheusGlobal ?? 9092,
      dir: ctx.stateDir,
      config: globalViewConfig({ sources: [ctx.ports?.prometheus ?? 9090, ctx.ports?.prometheusB ?? 9091] }),
    });
    ctx.log?.(`global view on ${handle.url}, federating clusters a and b`);
    return handle;
  },
};
