// One `chaos run` of the real Chaos Toolkit: the journal is what Chaos Toolkit writes, nothing else.
// A run has its own folder (the experiment as run, Chaos Toolkit's log, its NDJSON events, the
// journal); Chaos Toolkit runs in its own process group, so the one signal that interrupts it comes
// from here, and a second one cannot cut its rollbacks short.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// chaoslib logs "[time LEVEL] message", coloured on a terminal.
const ANSI = /\x1b\[[0-9;]*m/g;

/** The last ERROR or CRITICAL line Chaos Toolkit logged: why it refused or stopped a run. */
function lastError(text) {
  const lines = text.replace(ANSI, '').split('\n');
  const errors = lines.filter((l) => /\b(ERROR|CRITICAL)\]/.test(l));
  const line = errors.pop() ?? lines.filter((l) => l.trim()).pop() ?? '';
  return line.replace(/^\[[^\]]*\]\s*/, '').trim() || undefined;
}

/** chaostoolkit 1.21 added `--events-file` (live NDJSON progress); 1.19, the last for Python 3.11, refuses it. */
function hasEventsFile(toolkit) {
  const [major, minor] = String(toolkit.versions?.chaostoolkit ?? '0.0')
    .split('.')
    .map(Number);
  return major > 1 || (major === 1 && minor >= 21);
}

/**
 * Runs `python -m chaostoolkit run` on `experimentFile` in `runDir`. `toolkit` is what
 * ensureChaosToolkit resolved; `env` the experiment's configuration. Resolves, never rejects, to
 * `{exitCode, signal, journalFile?, error?}`: journalFile when Chaos Toolkit wrote one, error when it
 * refused the experiment or failed to start. `interrupt(sig)` on the returned handle stops the run
 * the way a user's Ctrl-C (SIGINT) or a service manager (SIGTERM) does.
 */
function runChaos({ toolkit, experimentFile, runDir, env = {}, extraArgs = [] }) {
  fs.mkdirSync(runDir, { recursive: true });
  const journalFile = path.join(runDir, 'journal.json');
  const args = [
    '-m',
    'chaostoolkit',
    '--log-file',
    path.join(runDir, 'chaostoolkit.log'),
    'run',
    '--journal-path',
    journalFile,
    ...(hasEventsFile(toolkit) ? ['--events-file', path.join(runDir, 'events.ndjson')] : []),
    // Faults are removed whatever happened, also when the run is interrupted or deviates.
    '--rollback-strategy',
    'always',
    ...extraArgs,
    experimentFile,
  ];
  const child = spawn(toolkit.python, args, {
    cwd: runDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      PYTHONPATH: [toolkit.pythonPath, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
      PYTHONUNBUFFERED: '1',
    },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const done = new Promise((resolve) => {
    child.on('error', (e) => resolve({ exitCode: null, signal: null, error: `chaos run did not start: ${e.message}` }));
    child.on('exit', (exitCode, signal) => {
      fs.writeFileSync(path.join(runDir, 'output.txt'), output);
      const wrote = fs.existsSync(journalFile);
      resolve({
        exitCode,
        signal,
        journalFile: wrote ? journalFile : undefined,
        error: wrote
          ? undefined
          : (lastError(output) ?? `chaos run ended (${signal ?? `exit ${exitCode}`}) without a journal`),
      });
    });
  });
  let interrupted = false;
  return {
    pid: child.pid,
    done,
    interrupt(sig = 'SIGTERM') {
      if (!interrupted && child.exitCode === null && child.signalCode === null) {
        interrupted = true;
        child.kill(sig);
      }
    },
  };
}

module.exports = { runChaos, lastError, hasEventsFile };
