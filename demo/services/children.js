// The five services as child processes of the supervisor. A crash is restarted after a second; a
// kill fault keeps the service down until its rollback (or its safety expiry) starts it again.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { SERVICES } = require('./topology');

const CRASH_RESTART_MS = 1000;

class ServiceProcesses {
  constructor(ports, log) {
    this.ports = ports;
    this.log = log;
    this.stopping = false;
    this.state = Object.fromEntries(
      SERVICES.map((s) => [s, { child: undefined, restarts: 0, heldUntil: 0, holdTimer: undefined }])
    );
  }

  startAll() {
    SERVICES.forEach((name) => this.spawn(name));
  }

  spawn(name) {
    const s = this.state[name];
    const child = spawn(process.execPath, [path.join(__dirname, 'app.js'), name, JSON.stringify(this.ports)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    s.child = child;
    child.on('exit', (code, signal) => {
      if (s.child !== child) {
        return;
      }
      s.child = undefined;
      if (this.stopping) {
        return;
      }
      this.log(`${name} (pid ${child.pid}) exited (${code ?? signal})`);
      if (s.heldUntil <= Date.now()) {
        s.restarts += 1;
        setTimeout(() => !this.stopping && !s.child && this.spawn(name), CRASH_RESTART_MS);
      }
    });
  }

  /** SIGKILL, and no restart for `seconds`. */
  kill(name, seconds) {
    const s = this.state[name];
    const pid = s.child?.pid;
    s.heldUntil = Date.now() + seconds * 1000;
    clearTimeout(s.holdTimer);
    s.holdTimer = setTimeout(() => this.restart(name), seconds * 1000);
    s.child?.kill('SIGKILL');
    return { service: name, killedPid: pid ?? null, downUntil: new Date(s.heldUntil).toISOString() };
  }

  /** Ends a kill fault: the service starts again now. */
  restart(name) {
    const s = this.state[name];
    clearTimeout(s.holdTimer);
    s.heldUntil = 0;
    if (!s.child && !this.stopping) {
      s.restarts += 1;
      this.spawn(name);
    }
  }

  status(name) {
    const s = this.state[name];
    return {
      pid: s.child?.pid ?? null,
      up: !!s.child,
      restarts: s.restarts,
      downUntil: s.heldUntil > Date.now() ? new Date(s.heldUntil).toISOString() : null,
    };
  }

  stopAll() {
    this.stopping = true;
    for (const s of Object.values(this.state)) {
      clearTimeout(s.holdTimer);
      s.child?.kill('SIGTERM');
    }
  }
}

module.exports = { ServiceProcesses };
