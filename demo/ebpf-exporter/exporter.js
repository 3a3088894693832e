#!/usr/bin/env node
// eBPF flow exporter: bpftrace on TCP socket tracepoints, loopback traffic between the configured
// ports aggregated per (source, destination, port), served as Prometheus metrics in Beyla's names.
//   node exporter.js [--config config.json] [--listen 127.0.0.1:9400]
// FAULTLINE_EBPF_PORTS='{"8101":"frontend",...}' overrides the ports of the config file.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { bpfProgram } = require('./bpf');
const { FlowTable } = require('./flows');
const { PidServices } = require('./procmap');

const TRACEFS = '/sys/kernel/tracing';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

function loadConfig() {
  const file = arg('config', path.join(__dirname, 'config.json'));
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (process.env.FAULTLINE_EBPF_PORTS) {
    config.ports = JSON.parse(process.env.FAULTLINE_EBPF_PORTS);
  }
  if (process.env.FAULTLINE_EBPF_ZONES) {
    config.zones = JSON.parse(process.env.FAULTLINE_EBPF_ZONES);
  }
  return config;
}

function which(cmd) {
  return (process.env.PATH || '')
    .split(path.delimiter)
    .map((d) => path.join(d, cmd))
    .find((p) => fs.existsSync(p));
}

/** Why eBPF cannot run here, or undefined when it can be tried. */
function unavailableReason() {
  if (process.platform !== 'linux') {
    return `eBPF needs Linux (this is ${process.platform})`;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'eBPF needs root: run the demo as root for live flows';
  }
  if (!which('bpftrace')) {
    return 'bpftrace is not installed (apt-get install bpftrace)';
  }
  if (!fs.existsSync(path.join(TRACEFS, 'events', 'sock'))) {
    try {
      execFileSync('mount', ['-t', 'tracefs', 'nodev', TRACEFS], { stdio: 'pipe' });
    } catch (e) {
      return `tracefs is not mounted at ${TRACEFS} and mounting it failed: ${String(e.stderr || e.message).trim()}`;
    }
    if (!fs.existsSync(path.join(TRACEFS, 'events', 'sock'))) {
      return `the kernel offers no sock tracepoints under ${TRACEFS}/events`;
    }
  }
  return undefined;
}

function fail(message) {
  process.stderr.write(`ebpf-exporter: ${message}\n`);
  process.exit(2);
}

function main() {
  const reason = unavailableReason();
  if (reason) {
    fail(reason);
  }
  const config = loadConfig();
  const [host, port] = arg('listen', '127.0.0.1:9400').split(':');
  const portNames = new Map(Object.entries(config.ports).map(([p, n]) => [Number(p), n]));
  const pids = new PidServices(portNames);
  const table = new FlowTable({
    ports: config.ports,
    zones: config.zones,
    iface: config.iface,
    serviceOfPid: (pid) => pids.serviceOf(pid),
  });

  const programDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-ebpf-'));
  const programFile = path.join(programDir, 'flows.bt');
  // Every way out (a stop signal, bpftrace failing) ends in process.exit.
  process.on('exit', () => fs.rmSync(programDir, { recursive: true, force: true }));
  fs.writeFileSync(programFile, bpfProgram([...portNames.keys()]));
  const bpf = spawn(which('bpftrace'), ['-B', 'none', programFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  bpf.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  let server;
  bpf.on('exit', (code, signal) => {
    // RLIMIT_MEMLOCK is a harmless warning on recent kernels (memcg accounting); anything else is the reason.
    const why = stderr
      .split('\n')
      .filter((l) => l.trim() && !/RLIMIT_MEMLOCK/.test(l))
      .join(' ')
      .trim();
    fail(`bpftrace stopped (${code ?? signal})${why ? `: ${why}` : ''}`);
  });
  readline.createInterface({ input: bpf.stdout }).on('line', (line) => {
    if (line === 'T' && !server) {
      // The first flush tick proves every probe is attached: only now do we answer scrapes.
      server = http
        .createServer((req, res) => {
          if (req.url === '/metrics') {
            res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(table.metrics());
          } else {
            res.writeHead(404).end('see /metrics\n');
          }
        })
        .listen(Number(port), host, () =>
          process.stdout.write(
            `ebpf-exporter: watching ports ${[...portNames.keys()].join(',')}; metrics on http://${host}:${port}/metrics\n`
          )
        );
    }
    table.handleLine(line);
  });
  const stop = () => {
    bpf.removeAllListeners('exit');
    bpf.kill('SIGINT');
    server?.close();
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
