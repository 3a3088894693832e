// Which demo service a process is: the watched ports it listens on, read from /proc.
// A client socket has an ephemeral port, so its service is the one of the process that opened it.
const fs = require('node:fs');

/** inode -> port of the LISTEN sockets on watched ports (/proc/net/tcp and tcp6). */
function listeningInodes(watched) {
  const out = new Map();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols: sl local rem st tx_rx tr_tm retrnsmt uid timeout inode
      if (cols.length < 10 || cols[3] !== '0A') {
        continue;
      }
      const port = parseInt(cols[1].split(':').pop(), 16);
      if (watched.has(port)) {
        out.set(cols[9], port);
      }
    }
  }
  return out;
}

/** Ports (watched ones only) each process listens on. */
function listeningPortsByPid(watched) {
  const inodes = listeningInodes(watched);
  const byPid = new Map();
  if (inodes.size === 0) {
    return byPid;
  }
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = '';
      try {
        link = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(link);
      const port = m && inodes.get(m[1]);
      if (port) {
        const ports = byPid.get(Number(pid)) ?? new Set();
        ports.add(port);
        byPid.set(Number(pid), ports);
      }
    }
  }
  return byPid;
}

/**
 * Resolves a pid to a service name. A process listening on the ports of one service (its own
 * port and its fault proxy) is that service; one listening for several services is ambiguous.
 */
class PidServices {
  constructor(portNames, refreshMs = 2000) {
    this.portNames = portNames;
    this.watched = new Set([...portNames.keys()]);
    this.refreshMs = refreshMs;
    this.byPid = new Map();
    this.loadedAt = 0;
  }

  serviceOf(pid) {
    if (!this.byPid.has(pid) && Date.now() - this.loadedAt > this.refreshMs) {
      this.byPid = listeningPortsByPid(this.watched);
      this.loadedAt = Date.now();
    }
    const names = new Set([...(this.byPid.get(pid) ?? [])].map((p) => this.portNames.get(p)));
    return names.size === 1 ? [...names][0] : undefined;
  }
}

module.exports = { PidServices, listeningPortsByPid };
