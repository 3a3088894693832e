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

const yamlList = (items: string[]) => `[${items.map((t) => `'${t}'`).join(', ')}]`;

export interface ScrapeOptions {
  /** `global.external_labels`: what federation and remote write add to every series. */
  externalLabels?: Record<string, string>;
  /** Remote-write every sample to this URL (e.g. VictoriaMetrics' /api/v1/write). */
  remoteWrite?: string;
}

/** A Prometheus that scrapes live targets every second (the eBPF exporter), with an empty TSDB. */
export async function startScrapingPrometheus(targets: string[], opts: ScrapeOptions = {}): Promise<Store> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-prom-'));
  const external = Object.entries(opts.externalLabels ?? {});
  const config = [
    'global:',
    '  scrape_interval: 1s',
    ...(external.length ? ['  external_labels:', ...external.map(([k, v]) => `    ${k}: '${v}'`)] : []),
    'scrape_configs:',
    '  - job_name: flows',
    '    static_configs:',
    `      - targets: ${yamlList(targets)}`,
    // Remote write batches for 5 s by default: a short deadline lets the test wait seconds, not tens.
    ...(opts.remoteWrite
      ? ['remote_write:', `  - url: '${opts.remoteWrite}'`, '    queue_config:', '      batch_send_deadline: 1s']
      : []),
  ].join('\n');
  writeFileSync(path.join(dir, 'prometheus.yml'), config + '\n');
  return runPrometheus(dir);
}

/**
 * A global Prometheus that federates others over `/federate` every second. `honor_labels` keeps the
 * external labels the sources add (their `cluster`) instead of renaming them `exported_*`.
 */
export async function startFederatingPrometheus(sources: string[], match: string[]): Promise<Store> {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-prom-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    'scrape_configs:',
    '  - job_name: federate',
    '    honor_labels: true',
    '    metrics_path: /federate',
    '    params:',
    `      'match[]': ${yamlList(match)}`,
    '    static_configs:',
    `      - targets: ${yamlList(sources.map((u) => new URL(u).host))}`,
  ].join('\n');
  writeFileSync(path.join(dir, 'prometheus.yml'), config + '\n');
  return runPrometheus(dir);
}

/**
 * An empty VictoriaMetrics that receives remote write on /api/v1/write. Its default 30 s latency
 * offset hides the newest samples from queries: live samples should be seen within seconds.
 */
export async function startReceivingVictoriaMetrics(): Promise<Store> {
  const { url, stop } = await runVictoriaMetrics(['-search.latencyOffset=1s', '-search.disableCache']);
  return { kind: 'victoriametrics', url, stop };
}

async function runVictoriaMetrics(extraArgs: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'faultline-vm-'));
  const port = await proc.freePort();
  const url = `http://127.0.0.1:${port}`;
  const p = await proc.startProcess({
    name: 'victoria-metrics',
    cmd: 'victoria-metrics',
    args: [`-httpListenAddr=127.0.0.1:${port}`, `-storageDataPath=${dir}`, '-retentionPeriod=100y', ...extraArgs],
    ready: () => proc.httpReady(`${url}/health`),
  });
  return { url, p, stop: () => p.stop().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

/**
 * Polls `promql` (an instant query at the current time) until `done` accepts its result, within
 * `timeoutMs`; flushes VictoriaMetrics' buffers before each try. Returns the last result.
 */
export async function pollQuery(
  url: string,
  promql: string,
  done: (result: Array<{ metric: Record<string, string>; value: [number, string] }>) => boolean,
  timeoutMs = 60_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    await fetch(`${url}/internal/force_flush`).catch(() => undefined);
    const q = new URLSearchParams({ query: promql });
    const body = (await (await fetch(`${url}/api/v1/query?${q}`)).json()) as {
      data?: { result?: Array<{ metric: Record<string, string>; value: [number, string] }> };
    };
    last = body.data?.result;
    if (body.data?.result && done(body.data.result)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `${url} did not answer "${promql}" as expected within ${timeoutMs} ms; last: ${JSON.stringify(last)}`
  );
}

/** Imports the samples, forces a flush and waits until `probe` (PromQL) answers something. */
export async function startVictoriaMetrics(samples: Sample[], probe: string, probeTimeMs: number): Promise<Store> {
  const { url, p, stop } = await runVictoriaMetrics();
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
  return { kind: 'victoriametrics', url, stop };
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
