// Starts backends as child processes on loopback, waits until they answer, and stops them by pid.
// Shared by the integration tests, the browser tests, the benchmark and `npm run demo`.
const { spawn } = require('node:child_process');
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
async function freePort() {
  return (await freePorts(1))[0];
}

/**
 * `n` distinct free ports. All are held open until every one is chosen: ports asked for one after
 * another may repeat, since the kernel can hand out a port again as soon as it is released.
 */
async function freePorts(n) {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const srv = net.createServer();
          srv.unref();
          srv.on('error', reject);
          srv.listen(0, '127.0.0.1', () => resolve(srv));
        })
    )
  );
  const ports = servers.map((srv) => srv.address().port);
  await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
  return ports;
}

/**
 * Spawns `cmd args` and resolves once `ready()` returns true (polled), or rejects with the
 * process's last output when it exits or `timeoutMs` passes.
 */
async function startProcess({ name, cmd, args = [], cwd, env, ready, timeoutMs = 60000, logFile }) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const log = logFile ? fs.createWriteStream(logFile) : undefined;
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
    log?.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  child.on('error', (e) => (exited = { code: -1, signal: String(e) }));

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`${name} exited (${exited.code ?? exited.signal}) before it was ready:\n${output}`);
    }
    try {
      if (await ready()) {
        return { name, pid: child.pid, child, output: () => output, stop: () => stopProcess(child) };
      }
    } catch {
      // not ready yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopProcess(child);
  throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
}

/** SIGTERM to the process group by pid, SIGKILL after 5 s. */
function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return resolve();
    }
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        try {
          process.kill(child.pid, sig);
        } catch {
          // already gone
        }
      }
    };
    const t = setTimeout(() => kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    kill('SIGTERM');
  });
}

/** True when GET url answers with a status `accept` allows (below 500 unless told otherwise). */
async function httpReady(url, init, accept = (status) => status < 500) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return accept(res.status);
}

/** Absolute path of a command on PATH, or undefined. */
function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

module.exports = { freePort, freePorts, startProcess, stopProcess, httpReady, which };
