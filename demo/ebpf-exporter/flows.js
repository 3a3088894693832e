// Turns bpftrace's lines into per-flow counters and renders them in Beyla's metric names and labels
// (beyla_network_flow_bytes_total, beyla_network_inter_zone_bytes_total, beyla_stat_tcp_retransmits_total).

/** bpftrace prints map keys of (uint64) casts as signed 64-bit numbers, printf %llu as unsigned. */
function socketKey(text) {
  return BigInt.asUintN(64, BigInt(text)).toString();
}

const isLoopback = (addr) => addr.startsWith('127.');

class FlowTable {
  /**
   * @param {{ ports: Record<string, string>, zones?: Record<string, string>, iface?: string, serviceOfPid: (pid: number) => string | undefined }} opts
   */
  constructor(opts) {
    this.portNames = new Map(Object.entries(opts.ports).map(([p, n]) => [Number(p), n]));
    this.zones = opts.zones ?? {};
    this.iface = opts.iface ?? 'lo';
    this.serviceOfPid = opts.serviceOfPid;
    this.sockets = new Map();
    this.byLocalPort = new Map();
    this.connectingPid = new Map();
    this.flows = new Map();
    this.unattributedBytes = 0;
    this.events = 0;
  }

  /** One line of bpftrace output. */
  handleLine(line) {
    const m = /^@(tx|rt)\[(-?\d+)\]: (\d+)$/.exec(line);
    if (m) {
      this.add(socketKey(m[2]), m[1] === 'tx' ? 'bytes' : 'retransmits', Number(m[3]));
      return;
    }
    const [kind, ...f] = line.trim().split(' ');
    if (kind === 'P' && f.length === 2) {
      // The state change to SYN_SENT runs in the connecting process: the client's pid.
      this.connectingPid.set(socketKey(f[0]), Number(f[1]));
    } else if (kind === 'E' && f.length === 6) {
      this.established(socketKey(f[0]), f[1], Number(f[2]), f[3], Number(f[4]), Number(f[5]));
    } else if (kind === 'C' && f.length === 1) {
      const s = this.sockets.get(socketKey(f[0]));
      if (s) {
        s.closed = true;
      }
    } else if (kind === 'T') {
      this.sweep();
    }
  }

  established(sk, saddr, sport, daddr, dport, pid) {
    this.events++;
    if (!isLoopback(saddr) || !isLoopback(daddr)) {
      return;
    }
    const sock = {
      sk,
      addr: saddr,
      lport: sport,
      peerAddr: daddr,
      rport: dport,
      pid: this.connectingPid.get(sk) ?? pid,
      closed: false,
    };
    this.connectingPid.delete(sk);
    this.sockets.set(sk, sock);
    this.byLocalPort.set(sport, sk);
  }

  /** Closed sockets are kept until the flush after their close, which carries their last bytes. */
  sweep() {
    for (const [sk, s] of this.sockets) {
      if (s.closed) {
        if (s.swept) {
          this.sockets.delete(sk);
          if (this.byLocalPort.get(s.lport) === sk) {
            this.byLocalPort.delete(s.lport);
          }
        }
        s.swept = true;
      }
    }
  }

  serviceOfSocket(sock) {
    if (sock.service === undefined) {
      sock.service = this.portNames.get(sock.lport) ?? this.serviceOfPid(sock.pid);
    }
    return sock.service;
  }

  peerService(sock) {
    if (this.portNames.has(sock.rport)) {
      return this.portNames.get(sock.rport);
    }
    const peer = this.sockets.get(this.byLocalPort.get(sock.rport));
    return peer ? this.serviceOfSocket(peer) : undefined;
  }

  add(sk, what, n) {
    const sock = this.sockets.get(sk);
    if (!sock) {
      return;
    }
    const src = this.serviceOfSocket(sock);
    const dst = this.peerService(sock);
    // Only traffic between two of the demo's services is reported; a process talking to itself
    // (a fault proxy forwarding to its own service) is not a flow between services.
    if (!src || !dst || src === dst) {
      if (what === 'bytes') {
        this.unattributedBytes += n;
      }
      return;
    }
    const srcPort = this.portNames.has(sock.lport) ? sock.lport : undefined;
    const dstPort = this.portNames.has(sock.rport) ? sock.rport : undefined;
    const key = `${src}|${dst}|${srcPort ?? ''}|${dstPort ?? ''}`;
    let flow = this.flows.get(key);
    if (!flow) {
      flow = { src, dst, srcAddr: sock.addr, dstAddr: sock.peerAddr, srcPort, dstPort, bytes: 0, retransmits: 0 };
      this.flows.set(key, flow);
    }
    flow[what] += n;
  }

  /** Prometheus text exposition. */
  metrics() {
    const flows = [...this.flows.values()];
    const lines = [];
    const family = (name, help, rows) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      rows.forEach(([labels, v]) => lines.push(`${name}{${renderLabels(labels)}} ${v}`));
    };
    family(
      'beyla_network_flow_bytes_total',
      'bytes submitted from a source network endpoint to a destination network endpoint',
      flows.map((f) => [this.flowLabels(f), f.bytes])
    );
    family(
      'beyla_network_inter_zone_bytes_total',
      'bytes submitted between different availability zones',
      flows
        .filter((f) => this.zoneOf(f.src) && this.zoneOf(f.dst) && this.zoneOf(f.src) !== this.zoneOf(f.dst))
        .map((f) => [this.flowLabels(f), f.bytes])
    );
    family(
      'beyla_stat_tcp_retransmits_total',
      'TCP retransmissions observed per connection endpoints',
      flows.filter((f) => f.retransmits > 0).map((f) => [this.flowLabels(f), f.retransmits])
    );
    lines.push(
      '# HELP faultline_ebpf_unattributed_bytes_total bytes on watched sockets that could not be named as a flow between two services'
    );
    lines.push('# TYPE faultline_ebpf_unattributed_bytes_total counter');
    lines.push(`faultline_ebpf_unattributed_bytes_total ${this.unattributedBytes}`);
    return lines.join('\n') + '\n';
  }

  zoneOf(service) {
    return this.zones[service];
  }

  flowLabels(f) {
    return {
      src_name: f.src,
      dst_name: f.dst,
      src_address: f.srcAddr,
      dst_address: f.dstAddr,
      src_port: f.srcPort,
      dst_port: f.dstPort,
      src_zone: this.zoneOf(f.src),
      dst_zone: this.zoneOf(f.dst),
      transport: 'tcp',
      direction: 'egress',
      iface: this.iface,
    };
  }
}

function renderLabels(labels) {
  return Object.entries(labels)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}="${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

module.exports = { FlowTable, socketKey };
