/**
 * A flow exporter standing in for one cluster's eBPF agent or mesh: an HTTP server on loopback that
 * serves fixed flows as Prometheus counters growing at their rate, for a real Prometheus to scrape.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ExportedSeries {
  metric: string;
  labels: Record<string, string>;
  /** growth per second */
  rate: number;
}

export interface FlowExporter {
  /** host:port, as a scrape target */
  target: string;
  stop: () => Promise<void>;
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Prometheus text exposition (format 0.0.4) of the series at `elapsedSeconds`. */
export function exposition(series: ExportedSeries[], elapsedSeconds: number): string {
  const byMetric = new Map<string, string[]>();
  for (const s of series) {
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${esc(v)}"`)
      .join(',');
    const lines = byMetric.get(s.metric) ?? [`# TYPE ${s.metric} counter`];
    lines.push(`${s.metric}{${labels}} ${Math.round(s.rate * elapsedSeconds)}`);
    byMetric.set(s.metric, lines);
  }
  return [...byMetric.values()].map((l) => l.join('\n')).join('\n') + '\n';
}

export async function startFlowExporter(series: ExportedSeries[]): Promise<FlowExporter> {
  // Counters start above zero, as an agent that has run for a while: the first scrape is a real value.
  const started = Date.now() - 60_000;
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      .end(exposition(series, (Date.now() - started) / 1000));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    target: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
