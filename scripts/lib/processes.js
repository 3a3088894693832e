// Starts backends as child processes on loopback, waits until they answer, and stops them by pid.
// Shared by the integration tests, the browser tests, the benchmark and `npm run demo`.
const { spawn } = require('node:child_process');
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
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

/** True when GET url answers with a status below 500. */
async function httpReady(url, init) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return res.status < 500;
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

module.exports = { freePort, startProcess, stopProcess, httpReady, which };
