// Demo backend: the eBPF flow exporter on 127.0.0.1:9400 (demo/PORTS.md). Without root, bpftrace
// or the sock tracepoints it cannot run: start() throws why, and the flow map falls back to the
// demo services' own service-graph metrics (preset "servicegraph").
const path = require('node:path');
const { startProcess, httpReady } = require('../../scripts/lib/processes');

module.exports = {
  name: 'ebpf-exporter',
  // Before the services: a kept-alive connection opened before the probes attach is never seen.
  order: 10,
  async start(ctx) {
    const port = ctx.ports?.ebpfExporter ?? 9400;
    const url = `http://127.0.0.1:${port}`;
    const env = {};
    // The demo runner's port map ({services, faultProxies}) wins over config.json's.
    if (ctx.ports?.services) {
      const names = {};
      for (const group of [ctx.ports.services, ctx.ports.faultProxies ?? {}]) {
        Object.entries(group).forEach(([name, p]) => (names[p] = name));
      }
      env.FAULTLINE_EBPF_PORTS = JSON.stringify(names);
    }
    const p = await startProcess({
      name: 'ebpf-exporter',
      cmd: process.execPath,
      args: [path.join(__dirname, 'exporter.js'), '--listen', `127.0.0.1:${port}`],
      env,
      ready: () => httpReady(`${url}/metrics`),
      timeoutMs: 30000,
      logFile: ctx.stateDir ? path.join(ctx.stateDir, 'ebpf-exporter.log') : undefined,
    }).catch((e) => {
      // startProcess reports the process output; the exporter's own line says why eBPF is unavailable.
      const reason = /ebpf-exporter: (.*)/.exec(String(e.message));
      throw new Error(reason ? `eBPF flows unavailable: ${reason[1]}` : String(e.message));
    });
    ctx.log?.(`eBPF flow exporter on ${url}/metrics (Beyla metric names)`);
    return { url, stop: () => p.stop() };
  },
};
