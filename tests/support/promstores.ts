/**
 * Real Prometheus and VictoriaMetrics (Debian packages) on loopback, loaded with history so tests
 * need not wait for scrapes. Prometheus reads TSDB blocks written by
 * `promtool tsdb create-blocks-from openmetrics` (second timestamps, `# EOF`); VictoriaMetrics
 * takes the same samples with millisecond timestamps on /api/v1/import/prometheus.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface RunningProcess {
  pid: number;
  stop: () => Promise<void>;
  output: () => string;
}
interface ProcessLib {
  freePort: () => Promise<number>;
  startProcess: (o: {
    name: string;
    cmd: string;
    args: string[];
    ready: () => Promise<boolean>;
    timeoutMs?: number;
  }) => Promise<RunningProcess>;
  httpReady: (url: string) => Promise<boolean>;
  which: (cmd: string) => string | undefined;
}
// CommonJS shared with the demo and browser tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proc: ProcessLib = require('../../scripts/lib/processes.js');

export interface Sample {
  metric: string;
  labels: Record<string, string>;
  value: number;
  /** epoch milliseconds */
  time: number;
}

export interface Store {
  kind: 'prometheus' | 'victoriametrics';
  url: string;
  stop: () => Promise<void>;
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const series = (s: Sample) =>
  `${s.metric}{${Object.entries(s.labels)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',')}}`;

/** OpenMetrics text: one series' samples together and in time order, as promtool requires. */
export function toOpenMetrics(samples: Sample[]): string {
  const sorted = [...samples].sort((a, b) => series(a).localeCompare(series(b)) || a.time - b.time);
  const byMetric = new Map<string, string[]>();
  for (const s of sorted) {
    const lines = byMetric.get(s.metric) ?? [];
    lines.push(`${series(s)} ${s.value} ${(s.time / 1000).toFixed(3)}`);
    byMetric.set(s.metric, lines);
  }
  return [...byMetric.values()].map((l) => l.join('\n')).join('\n') + '\n# EOF\n';
}

/** Prometheus text format with millisecond timestamps, as VictoriaMetrics imports it. */
export function toImportText(samples: Sample[]): string {
  return samples.map((s) => `${series(s)} ${s.value} ${Math.round(s.time)}`).join('\n') + '\n';
}

export function missingBinaries(): string[] {
  return ['prometheus', 'promtool', 'victoria-metrics'].filter((b) => !proc.which(b));
}

export async function startPrometheus(samples: Sample[]): Promise<Store> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-prom-'));
  const data = path.join(dir, 'data.om');
  writeFileSync(data, toOpenMetrics(samples));
  writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
  execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', data, path.join(dir, 'tsdb')], {
    stdio: 'pipe',
  });
  return runPrometheus(dir, ['--storage.tsdb.retention.time=30d']);
}

/** Prometheus on a free port over `dir`'s prometheus.yml and tsdb/; stopping it removes `dir`. */
async function runPrometheus(dir: string, extraArgs: string[] = []): Promise<Store> {
  const port = await proc.freePort();
  const url = `http://127.0.0.1:${port}`;
  const p = await proc.startProcess({
    name: 'prometheus',
    cmd: 'prometheus',
    args: [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      ...extraArgs,
    ],
    ready: async () => (await fetch(`${url}/-/ready`).catch(() => undefined))?.status === 200,
  });
  return { kind: 'prometheus', url, stop: () => p.stop().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

/** A Prometheus that scrapes live targets every second (the eBPF exporter), with an empty TSDB. */
export async function startScrapingPrometheus(targets: string[]): Promise<Store> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-prom-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    'scrape_configs:',
    '  - job_name: flows',
    '    static_configs:',
    `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
  ].join('\n');
  writeFileSync(path.join(dir, 'prometheus.yml'), config + '\n');
  return runPrometheus(dir);
}

/** Imports the samples, forces a flush and waits until `probe` (PromQL) answers something. */
export async function startVictoriaMetrics(samples: Sample[], probe: string, probeTimeMs: number): Promise<Store> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-vm-'));
  const port = await proc.freePort();
  const url = `http://127.0.0.1:${port}`;
  const p = await proc.startProcess({
    name: 'victoria-metrics',
    cmd: 'victoria-metrics',
    args: [`-httpListenAddr=127.0.0.1:${port}`, `-storageDataPath=${dir}`, '-retentionPeriod=100y'],
    ready: () => proc.httpReady(`${url}/health`),
  });
  try {
    const res = await fetch(`${url}/api/v1/import/prometheus`, { method: 'POST', body: toImportText(samples) });
    if (res.status >= 300) {
      throw new Error(`VictoriaMetrics import failed: ${res.status} ${await res.text()}`);
    }
    await waitUntilQueryable(url, probe, probeTimeMs);
  } catch (e) {
    await p.stop();
    throw e;
  }
  return {
    kind: 'victoriametrics',
    url,
    stop: () => p.stop().finally(() => rmSync(dir, { recursive: true, force: true })),
  };
}

async function waitUntilQueryable(url: string, probe: string, timeMs: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await fetch(`${url}/internal/force_flush`).catch(() => undefined);
    const q = new URLSearchParams({ query: probe, time: String(timeMs / 1000) });
    const body = (await (await fetch(`${url}/api/v1/query?${q}`)).json()) as { data?: { result?: unknown[] } };
    if ((body.data?.result?.length ?? 0) > 0) {
      return;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`VictoriaMetrics did not answer "${probe}" within 30 s of the import`);
}
