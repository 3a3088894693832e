// Backends for the preview tests: a real Prometheus (Debian's binary) loaded with history through
// promtool, and small loopback servers in the exact shapes of the Chaos Toolkit journal folder and
// the Backstage catalog API, which record what reached them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { freePort, httpReady, startProcess, which } = require('../../scripts/lib/processes.js');

/**
 * @param {Array<{ name: string, labels: Record<string,string>, rate: number, buckets?: Record<string, number> }>} counters
 *   counters growing by `rate` per second over the last `hours`, one sample every 15 s; with `buckets`
 *   (upper bound → share of observations) a histogram of that many observations per second
 */
export async function startPrometheus({ counters, hours = 3 }) {
  if (!which('prometheus') || !which('promtool')) {
    throw new Error('prometheus/promtool not installed: apt-get install prometheus');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-prom-'));
  const now = Math.floor(Date.now() / 1000);
  const lines = [];
  const fmt = (labels) => Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');
  for (const name of new Set(counters.map((c) => c.name))) {
    const family = counters.filter((x) => x.name === name);
    lines.push(`# TYPE ${name} ${family[0].buckets ? 'histogram' : 'counter'}`);
    for (const c of family) {
      for (let t = now - hours * 3600, v = 0; t <= now; t += 15, v += c.rate * 15) {
        if (!c.buckets) {
          lines.push(`${name}_total{${fmt(c.labels)}} ${v} ${t}`);
          continue;
        }
        for (const [le, share] of Object.entries(c.buckets)) {
          lines.push(`${name}_bucket{${fmt({ ...c.labels, le })}} ${Math.round(v * share)} ${t}`);
        }
        lines.push(`${name}_bucket{${fmt({ ...c.labels, le: '+Inf' })}} ${v} ${t}`);
        lines.push(`${name}_count{${fmt(c.labels)}} ${v} ${t}`);
        lines.push(`${name}_sum{${fmt(c.labels)}} ${(v * 0.08).toFixed(3)} ${t}`);
      }
    }
  }
  lines.push('# EOF');
  writeFileSync(path.join(dir, 'data.om'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'prometheus.yml'), 'global: {}\n');
  const made = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', 'data.om', 'tsdb'], { cwd: dir, encoding: 'utf8' });
  if (made.status !== 0) {
    throw new Error(`promtool could not create blocks: ${made.stderr}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess({
    name: 'prometheus',
    cmd: 'prometheus',
    args: [`--config.file=${dir}/prometheus.yml`, `--storage.tsdb.path=${dir}/tsdb`, `--web.listen-address=127.0.0.1:${port}`, '--storage.tsdb.retention.time=100y'],
    ready: () => httpReady(`${url}/-/ready`),
  });
  return {
    url,
    stop: async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A loopback HTTP server answering `routes[pathname]` (a JSON value), recording every request. */
export async function startJsonServer(routes, { token } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { name: 'AuthenticationError', message: 'Missing credentials' } }));
    }
    const body = typeof routes === 'function' ? routes(req) : routes[pathname];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { name: 'NotFoundError', message: `no ${pathname}` } }));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    stop: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

/** Serves fixed text files (e.g. catalog-info.yaml) by path on a free loopback port, as a web server would. */
export async function startFileServer(files, { type = 'application/yaml' } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    requests.push({ method: req.method, url: req.url });
    const body = files[pathname];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': body === undefined ? 'text/plain' : type });
    res.end(body ?? `no ${pathname}`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    stop: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

/** A Chaos Toolkit 1.44 journal (timestamps with +00:00) of one finished run. */
export function journal({ title, service, startMs, minutes, status = 'completed', deviated = false, extraTags = [] }) {
  const iso = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');
  const end = startMs + minutes * 60000;
  return {
    'chaoslib-version': '1.44.0',
    platform: 'Linux',
    node: 'demo',
    experiment: { title, description: 'latency injected by the demo fault proxy', tags: [`service:${service}`, 'kind:latency', ...extraTags], method: [] },
    start: iso(startMs),
    end: iso(end),
    duration: minutes * 60,
    status,
    deviated,
    steady_states: { before: { steady_state_met: true, probes: [] }, after: { steady_state_met: !deviated, probes: [] }, during: [] },
    run: [{ activity: { type: 'action', name: 'inject-latency' }, start: iso(startMs), end: iso(end), status: 'succeeded', output: null, duration: minutes * 60 }],
    rollbacks: [],
  };
}
