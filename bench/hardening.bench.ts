/**
 * Issue 10: peak memory while a backend answers with a 200 MB body. Baseline: the transport as it
 * was, reading the whole body before the client's size check refused it. Now: the client passes its
 * limit to the transport, which refuses from Content-Length or stops streaming at the limit.
 */
import { spawn } from 'node:child_process';
import { HttpClient } from '../src/datasource/http/client';
import { fetchTransport } from '../src/datasource/http/fetchTransport';
import { Transport } from '../src/datasource/http/transport';
import { report } from './lib';

const SIZE = 200 * 1024 * 1024;

// The server runs in its own process, so only the client's memory is measured here.
const SERVER = `
const http = require('node:http');
const chunk = Buffer.alloc(1024 * 1024, '[1,');
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', ...(req.url === '/length' ? { 'content-length': String(${SIZE}) } : {}) });
  let sent = 0;
  const write = () => {
    while (sent < ${SIZE} && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    res.end();
  };
  res.on('error', () => {});
  write();
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()))
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Peak heap and RSS above the idle level while `fn` runs, sampled every 2 ms, in MB. */
async function peak(fn: () => Promise<unknown>): Promise<{ heap: number; rss: number; error: string }> {
  gc();
  await new Promise((r) => setTimeout(r, 50));
  const idle = process.memoryUsage();
  let heap = idle.heapUsed;
  let rss = idle.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 2);
  let error = '';
  try {
    await fn();
  } catch (e) {
    error = (e as Error).message;
  }
  clearInterval(timer);
  const m = process.memoryUsage();
  heap = Math.max(heap, m.heapUsed);
  rss = Math.max(rss, m.rss);
  return { heap: (heap - idle.heapUsed) / 1e6, rss: (rss - idle.rss) / 1e6, error };
}

type Case = { path: '/length' | '/stream'; capped: boolean };

/** One measurement in this process: a fresh heap and RSS for each case. */
async function measureCase(c: Case, url: string): Promise<void> {
  const capped = fetchTransport({ api: { url } });
  // The transport before the cap: it never saw the limit and read every byte.
  const transport: Transport = c.capped ? capped : (req) => capped({ ...req, maxBodyChars: undefined });
  const result = await peak(() =>
    new HttpClient({ where: 'Bench backend', transport, timeoutMs: 120_000 }).getJson({ route: 'api', path: c.path })
  );
  console.log(JSON.stringify(result));
}

/** Runs one case in a child process of this same script and reads its figures. */
function inChild(c: Case, url: string): Promise<{ heap: number; rss: number; error: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', process.argv[1]], {
      env: { ...process.env, HARDENING_CASE: JSON.stringify(c), HARDENING_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!))
        : reject(new Error(`case ${JSON.stringify(c)} exited ${code}`))
    );
  });
}

async function main() {
  const server = await startServer();
  try {
    for (const [label, path] of [
      ['200 MB body with Content-Length', '/length'],
      ['200 MB body streamed without Content-Length', '/stream'],
    ] as const) {
      const after = await inChild({ path, capped: true }, server.url);
      const before = await inChild({ path, capped: false }, server.url);
      console.log(`  ${label}: refused with "${after.error.slice(0, 110)}…"`);
      report({
        name: `${label}: peak heap above idle`,
        value: after.heap,
        unit: 'MB',
        baseline: { name: 'read whole, then refused', value: before.heap },
        goal: '< 100 MB (the 64 MiB limit plus decoding)',
        met: after.heap < 100,
      });
      report({
        name: `${label}: peak RSS above idle`,
        value: after.rss,
        unit: 'MB',
        baseline: { name: 'read whole, then refused', value: before.rss },
      });
    }
  } finally {
    server.stop();
  }
}

const only = process.env.HARDENING_CASE;
(only ? measureCase(JSON.parse(only) as Case, process.env.HARDENING_URL!) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
