// Just enough of the Prometheus text exposition format (0.0.4) for counters and histograms.

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function labelText(labels) {
  const parts = Object.entries(labels).map(
    ([k, v]) => `${k}="${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}

class Registry {
  constructor() {
    this.families = new Map();
  }

  family(name, type, help) {
    if (!this.families.has(name)) {
      this.families.set(name, { name, type, help, series: new Map() });
    }
    return this.families.get(name);
  }

  /** Adds `by` to the counter `name{labels}`. */
  inc(name, help, labels, by = 1) {
    const f = this.family(name, 'counter', help);
    const key = labelText(labels);
    const s = f.series.get(key) ?? { labels, value: 0 };
    s.value += by;
    f.series.set(key, s);
  }

  /** Sets the gauge (or a counter kept elsewhere, like the process's CPU time) `name{labels}`. */
  set(name, help, labels, value, type = 'gauge') {
    this.family(name, type, help).series.set(labelText(labels), { labels, value });
  }

  /** Records one observation (seconds) in the histogram `name{labels}`. */
  observe(name, help, labels, seconds) {
    const f = this.family(name, 'histogram', help);
    const key = labelText(labels);
    const s = f.series.get(key) ?? { labels, counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((le, i) => {
      if (seconds <= le) {
        s.counts[i] += 1;
      }
    });
    s.sum += seconds;
    s.count += 1;
    f.series.set(key, s);
  }

  text() {
    const out = [];
    for (const f of this.families.values()) {
      out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
      for (const s of f.series.values()) {
        if (f.type !== 'histogram') {
          out.push(`${f.name}${labelText(s.labels)} ${s.value}`);
          continue;
        }
        BUCKETS.forEach((le, i) =>
          out.push(`${f.name}_bucket${labelText({ ...s.labels, le: String(le) })} ${s.counts[i]}`)
        );
        out.push(`${f.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
        out.push(`${f.name}_sum${labelText(s.labels)} ${s.sum}`);
        out.push(`${f.name}_count${labelText(s.labels)} ${s.count}`);
      }
    }
    return out.join('\n') + '\n';
  }
}

/**
 * Client-side edges in the metric names of Tempo's service-graph processor
 * (grafana/tempo modules/generator/processor/servicegraphs), so the flow map's "servicegraph"
 * preset reads the demo when eBPF is unavailable. A failed edge is a 5xx or no answer at all.
 */
function recordEdge(registry, client, server, seconds, failed) {
  const labels = { client, server };
  registry.inc('traces_service_graph_request_total', 'Requests between two nodes in the graph', labels);
  if (failed) {
    registry.inc('traces_service_graph_request_failed_total', 'Failed requests between two nodes in the graph', labels);
  }
  registry.observe(
    'traces_service_graph_request_server_seconds',
    'Time for a request between two nodes as seen from the server',
    labels,
    seconds
  );
}

module.exports = { Registry, recordEdge, BUCKETS };
