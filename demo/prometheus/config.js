// The demo's Prometheus configuration: the five services, the user traffic the fault proxies
// generate (with the fault gauges), and the eBPF flow exporter. A target that is not running is
// simply down in Prometheus; nothing else depends on it.
const { SERVICES } = require('../services/topology');

function scrapeConfig({ ports, ebpfExporter }) {
  const job = (name, targets, extra = '') =>
    [
      `  - job_name: ${name}`,
      ...(extra ? [extra] : []),
      '    static_configs:',
      `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
    ].join('\n');
  return [
    'global:',
    '  scrape_interval: 5s',
    '  evaluation_interval: 5s',
    'scrape_configs:',
    job(
      'faultline-demo-services',
      SERVICES.map((s) => `127.0.0.1:${ports.services[s]}`)
    ),
    job(
      'faultline-demo-traffic',
      [`127.0.0.1:${ports.faultProxies.frontend}`],
      '    metrics_path: /__faultline/metrics'
    ),
    job('faultline-ebpf-exporter', [`127.0.0.1:${ebpfExporter}`]),
    '',
  ].join('\n');
}

module.exports = { scrapeConfig };
