// The demo's Prometheus configurations. Cluster a (the demo Prometheus) scrapes the five services,
// the user traffic the fault proxies generate (with the fault gauges) and the eBPF flow exporter;
// cluster b scrapes its flow exporter (demo/cluster-b); the global view federates both. A target
// that is not running is simply down in Prometheus; nothing else depends on it.
const { SERVICES } = require('../services/topology');

const list = (items) => `[${items.map((t) => `'${t}'`).join(', ')}]`;

function job(name, targets, extra = []) {
  return [`  - job_name: ${name}`, ...extra, '    static_configs:', `      - targets: ${list(targets)}`].join('\n');
}

/** `global:` with the scrape interval and, for a cluster's own Prometheus, the cluster as an external label. */
function globalBlock(cluster) {
  return [
    'global:',
    '  scrape_interval: 5s',
    '  evaluation_interval: 5s',
    // Federation and remote write add external labels to every series they hand on; local queries never see them.
    ...(cluster ? ['  external_labels:', `    cluster: '${cluster}'`] : []),
  ];
}

function scrapeConfig({ ports, ebpfExporter, cluster = 'a' }) {
  return [
    ...globalBlock(cluster),
    'scrape_configs:',
    job(
      'faultline-demo-services',
      SERVICES.map((s) => `127.0.0.1:${ports.services[s]}`)
    ),
    job(
      'faultline-demo-traffic',
      [`127.0.0.1:${ports.faultProxies.frontend}`],
      ['    metrics_path: /__faultline/metrics']
    ),
    job('faultline-ebpf-exporter', [`127.0.0.1:${ebpfExporter}`]),
    '',
  ].join('\n');
}

/** Cluster b's Prometheus: its flow exporter only. */
function clusterBConfig({ exporter }) {
  return [...globalBlock('b'), 'scrape_configs:', job('faultline-cluster-b-flows', [`127.0.0.1:${exporter}`]), ''].join(
    '\n'
  );
}

/**
 * The global view: a Prometheus federating every series of the clusters' own Prometheus servers.
 * `honor_labels` keeps their `cluster` (and job/instance) instead of renaming them `exported_*`.
 */
function globalViewConfig({ sources }) {
  return [
    ...globalBlock(undefined),
    'scrape_configs:',
    job(
      'faultline-federate',
      sources.map((p) => `127.0.0.1:${p}`),
      ['    honor_labels: true', '    metrics_path: /federate', '    params:', `      'match[]': ['{__name__=~".+"}']`]
    ),
    '',
  ].join('\n');
}

module.exports = { scrapeConfig, clusterBConfig, globalViewConfig };
