/** @jest-environment node */
import path from 'node:path';
import { loadFlowGraph } from '../../src/datasource/connectors/flow';
import { QueryContext } from '../../src/datasource/connectors/context';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { missingBinaries, startScrapingPrometheus } from '../support/promstores';

// The exporter, the two processes and their supervisor are CommonJS shared with `npm run demo`.
/* eslint-disable @typescript-eslint/no-require-imports */
const proc = require('../../scripts/lib/processes.js');
const { FlowTable, socketKey } = require('../../demo/ebpf-exporter/flows.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.resolve(__dirname, '..', '..');
const exporterJs = path.join(root, 'demo', 'ebpf-exporter', 'exporter.js');

interface Running {
  pid: number;
  stop: () => Promise<void>;
  output: () => string;
}

/** value of `beyla_network_flow_bytes_total{src_name=src,dst_name=dst,...}`, summed over its series */
function flowBytes(metrics: string, metric: string, src: string, dst: string): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (line.startsWith(`${metric}{`) && line.includes(`src_name="${src}"`) && line.includes(`dst_name="${dst}"`)) {
      total += Number(line.split(' ').pop());
    }
  }
  return total;
}

// A process that listens on its own port (so the exporter can name it) and, when given a peer,
// opens connections to it: each sends 50,000 bytes and reads a 10,000-byte answer. The answer goes
// once per connection: on a loaded machine the request arrives in several chunks, and a second
// write after end() would throw in the server and stop all traffic.
const PEER = `
const net = require('net');
const [own, peer] = process.argv.slice(1).map(Number);
net.createServer((s) => {
  let answered = false;
  s.on('error', () => {});
  s.on('data', () => {
    if (!answered) {
      answered = true;
      s.write('r'.repeat(10000), () => s.end());
    }
  });
}).listen(own, '127.0.0.1', () => {
  console.log('listening', own);
  if (!peer) return;
  const once = () => {
    const c = net.connect(peer, '127.0.0.1', () => c.write('q'.repeat(50000)));
    c.on('data', () => {}); c.on('error', () => {}); c.on('close', () => setTimeout(once, 200));
  };
  once();
});`;

describe('eBPF flow exporter on real loopback connections', () => {
  const running: Running[] = [];
  const stores: Array<{ stop: () => Promise<void> }> = [];
  let metricsUrl = '';
  let refused = '';
  let ports: number[] = [];

  beforeAll(async () => {
    const [a, b, listen] = await proc.freePorts(3);
    ports = [a, b];
    metricsUrl = `http://127.0.0.1:${listen}/metrics`;
    try {
      running.push(
        await proc.startProcess({
          name: 'ebpf-exporter',
          cmd: process.execPath,
          args: [exporterJs, '--listen', `127.0.0.1:${listen}`],
          env: {
            FAULTLINE_EBPF_PORTS: JSON.stringify({ [ports[0]]: 'alpha', [ports[1]]: 'beta' }),
            FAULTLINE_EBPF_ZONES: JSON.stringify({ alpha: 'zone-a', beta: 'zone-b' }),
          },
          ready: () => proc.httpReady(metricsUrl),
          timeoutMs: 60_000,
        })
      );
    } catch (e) {
      // Exit code 2 with "ebpf-exporter: <reason>" is the exporter saying eBPF is unavailable here.
      const reason = /ebpf-exporter: (.*)/.exec(String((e as Error).message));
      if (!reason) {
        throw e;
      }
      refused = reason[1];
      console.warn(`flows-ebpf: SKIPPED, the kernel or this user cannot run eBPF: ${refused}`);
      return;
    }
    running.push(
      await proc.startProcess({
        name: 'beta',
        cmd: process.execPath,
        args: ['-e', PEER, String(ports[1])],
        ready: async () => true,
      })
    );
    running.push(
      await proc.startProcess({
        name: 'alpha',
        cmd: process.execPath,
        args: ['-e', PEER, String(ports[0]), String(ports[1])],
        ready: async () => true,
      })
    );
  }, 90_000);

  afterAll(async () => {
    for (const p of [...stores, ...running.reverse()]) {
      await p.stop();
    }
  });

  it('reports bytes between the two processes in Beyla metric names, both ways, with zones', async () => {
    if (refused) {
      return;
    }
    let text = '';
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      text = await (await fetch(metricsUrl)).text();
      if (
        flowBytes(text, 'beyla_network_flow_bytes_total', 'alpha', 'beta') >= 100_000 &&
        flowBytes(text, 'beyla_network_flow_bytes_total', 'beta', 'alpha') >= 20_000
      ) {
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(flowBytes(text, 'beyla_network_flow_bytes_total', 'alpha', 'beta')).toBeGreaterThanOrEqual(100_000);
    expect(flowBytes(text, 'beyla_network_flow_bytes_total', 'beta', 'alpha')).toBeGreaterThanOrEqual(20_000);
    // Requests carry the server's port as dst_port; answers carry it as src_port.
    expect(text).toMatch(
      new RegExp(
        `beyla_network_flow_bytes_total\\{src_name="alpha",dst_name="beta",src_address="127.0.0.1",dst_address="127.0.0.1",dst_port="${ports[1]}",src_zone="zone-a",dst_zone="zone-b",transport="tcp",direction="egress",iface="lo"\\} \\d+`
      )
    );
    expect(flowBytes(text, 'beyla_network_inter_zone_bytes_total', 'alpha', 'beta')).toBeGreaterThan(0);
    // Only the two watched services: no other flow appears.
    const names = new Set([...text.matchAll(/(?:src|dst)_name="([^"]+)"/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(['alpha', 'beta']);
  }, 45_000);

  it('feeds the Beyla preset through a real Prometheus scraping the exporter', async () => {
    if (refused || missingBinaries().includes('prometheus')) {
      console.warn(
        refused
          ? 'flows-ebpf: preset test skipped with the exporter'
          : 'flows-ebpf: prometheus not installed, preset test skipped'
      );
      return;
    }
    const prom = await startScrapingPrometheus([new URL(metricsUrl).host]);
    stores.push(prom);
    const ctx = (): QueryContext => ({
      settings: { prometheusUrl: prom.url, costPerGb: 0.02 },
      transport: fetchTransport({ prometheus: { url: prom.url } }),
      range: { from: Date.now() - 120_000, to: Date.now() },
      interpolate: (v) => v ?? '',
      scopedVars: {},
      cache: new Map(),
      refId: 'A',
    });
    let edges: Array<{ source: string; target: string; bytesRate?: number; crossZoneBytesTotal?: number }> = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      edges = (await loadFlowGraph(ctx(), { preset: 'beyla', joinOwners: false, joinChaos: false })).graph.edges;
      if (edges.some((e) => e.source === 'alpha' && (e.bytesRate ?? 0) > 0)) {
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const ab = edges.find((e) => e.source === 'alpha' && e.target === 'beta');
    if (!((ab?.bytesRate ?? 0) > 0)) {
      // Say what each part saw, so a failure on a loaded machine can be told apart from a bug.
      const exporter = await fetch(metricsUrl)
        .then((r) => r.text())
        .catch((e) => String(e));
      throw new Error(
        `no alpha → beta byte rate from Prometheus after 30 s.\nedges: ${JSON.stringify(edges)}\n` +
          `exporter flow lines:\n${exporter
            .split('\n')
            .filter((l) => l.startsWith('beyla_network_flow_bytes_total'))
            .join('\n')}\n` +
          running.map((r) => `process output:\n${r.output().slice(-1000)}`).join('\n')
      );
    }
    expect(ab?.bytesRate).toBeGreaterThan(0);
    expect(ab?.crossZoneBytesTotal).toBeGreaterThan(0);
    expect(edges.find((e) => e.source === 'beta' && e.target === 'alpha')?.bytesRate).toBeGreaterThan(0);
  }, 60_000);
});

describe('flow table (the exporter’s aggregation of bpftrace lines)', () => {
  const lines = (t: { handleLine: (l: string) => void }, ...ls: string[]) => ls.forEach((l) => t.handleLine(l));

  it('names a client socket by its process and keeps a closed socket until the flush after its close', () => {
    const table = new FlowTable({
      ports: { 9001: 'alpha', 9002: 'beta' },
      serviceOfPid: (pid: number) => (pid === 11 ? 'alpha' : undefined),
    });
    lines(
      table,
      'P 100 11',
      'E 100 127.0.0.1 40000 127.0.0.1 9002 11',
      'E 200 127.0.0.1 9002 127.0.0.1 40000 11',
      'C 100',
      'C 200',
      'T'
    );
    // bpftrace prints map keys signed: the same socket as a negative number.
    lines(table, `@tx[${BigInt.asIntN(64, BigInt(100))}]: 500`, '@tx[200]: 70', '@rt[100]: 2', 'T', 'T');
    const m = table.metrics();
    expect(flowBytes(m, 'beyla_network_flow_bytes_total', 'alpha', 'beta')).toBe(500);
    expect(flowBytes(m, 'beyla_network_flow_bytes_total', 'beta', 'alpha')).toBe(70);
    expect(m).toMatch(/beyla_stat_tcp_retransmits_total\{src_name="alpha",dst_name="beta",.*\} 2/);
    expect(table.sockets.size).toBe(0);
  });

  it('ignores non-loopback sockets, unknown processes and a service talking to itself', () => {
    const table = new FlowTable({ ports: { 9001: 'alpha', 9101: 'alpha' }, serviceOfPid: () => undefined });
    lines(
      table,
      'E 1 10.0.0.5 40000 10.0.0.6 9001 5',
      'E 2 127.0.0.1 40001 127.0.0.1 9001 6',
      'E 3 127.0.0.1 9101 127.0.0.1 9001 7',
      '@tx[1]: 10',
      '@tx[2]: 20',
      '@tx[3]: 30'
    );
    const m = table.metrics();
    expect(m).not.toMatch(/^beyla_network_flow_bytes_total\{/m);
    expect(m).toMatch(/faultline_ebpf_unattributed_bytes_total 50/);
  });

  it('reads signed and unsigned socket keys alike', () => {
    expect(socketKey('-131387173380992')).toBe('18446612686536170624');
    expect(socketKey('18446612686536170624')).toBe('18446612686536170624');
  });
});
