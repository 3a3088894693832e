// The chaos runner process: `node runner.js <config JSON>` with {ports, port, stateDir, toolkit |
// missing, prometheusUrl, prometheusWindow, intervalSeconds, firstRunDelaySeconds}. Runs the demo's
// Chaos Toolkit experiments with the real `chaos run`, on a schedule and on demand, one at a time,
// and serves the journals Chaos Toolkit wrote at /journals/ for the Faultline data source.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { SERVICES } = require('../services/topology');
const { send, readJson } = require('../services/httpUtil');
const { FAULTS, parseRunRequest } = require('./faults');
const { experimentEnv, writeExperiment } = require('./experiment');
const { runChaos } = require('./chaosRun');
const { JournalStore, runId } = require('./store');
const { pickScheduled, FIRST_RUN } = require('./schedule');

const config = JSON.parse(process.argv[2]);
const store = new JournalStore(path.join(config.stateDir, 'journals'));
const runsDir = path.join(config.stateDir, 'runs');
let active;
let nextAt = null;
let stopping = false;
/** The last runs' outcomes, newest first: a run Chaos Toolkit refused has no journal, only this. */
const recent = [];
const RECENT = 20;

function log(msg) {
  console.log(`[chaos-runner] ${msg}`);
}

function remember(entry) {
  recent.unshift(entry);
  recent.length = Math.min(recent.length, RECENT);
}

/** Starts a run unless one is live; resolves to its id and journal path at once. */
function startRun(spec) {
  if (active) {
    return { busy: active.id };
  }
  let id = runId(spec);
  for (let n = 2; store.read(id) !== undefined || recent.some((r) => r.id === id); n++) {
    id = `${runId(spec)}-${n}`;
  }
  const runDir = path.join(runsDir, id);
  const run = runChaos({
    toolkit: config.toolkit,
    experimentFile: writeExperiment(spec, runDir),
    runDir,
    env: experimentEnv(spec, config.ports, config),
    extraArgs: config.controlFiles.flatMap((f) => ['--control-file', f]),
  });
  active = { id, spec, run, started: new Date().toISOString() };
  log(`run ${id}: chaos run ${spec.fault} on ${spec.target} for ${spec.seconds} s (pid ${run.pid})`);
  run.done
    .then((r) => {
      if (r.journalFile) {
        store.adopt(id, r.journalFile);
        fs.rmSync(runDir, { recursive: true, force: true });
      }
      const outcome = { id, spec, started: active.started, exitCode: r.exitCode, signal: r.signal };
      remember(
        r.error ? { ...outcome, journal: null, error: r.error } : { ...outcome, journal: `/journals/${id}.json` }
      );
      log(`run ${id}: ${r.error ? `failed to start: ${r.error}` : `chaos run exited ${r.exitCode ?? r.signal}`}`);
    })
    .catch((e) => log(`run ${id} broke: ${e.stack ?? e}`))
    .finally(() => {
      active = undefined;
      store.prune();
    });
  return { id, journal: `/journals/${id}.json` };
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/journals/index.json') {
    return send(res, 200, store.index());
  }
  const journal = /^\/journals\/([^/]+)\.json$/.exec(url.pathname);
  if (req.method === 'GET' && journal) {
    const text = store.read(decodeURIComponent(journal[1]));
    return text === undefined ? send(res, 404, { error: `no journal ${journal[1]}` }) : send(res, 200, text);
  }
  if (req.method === 'GET' && url.pathname === '/runs') {
    return send(res, 200, {
      active: active?.id ?? null,
      nextScheduled: nextAt,
      faults: FAULTS,
      targets: SERVICES,
      chaosToolkit: config.toolkit?.versions ?? null,
      unavailable: config.missing ?? null,
      recent,
    });
  }
  if (req.method === 'POST' && url.pathname === '/runs') {
    if (config.missing) {
      return send(res, 503, { error: `no chaos runs: ${config.missing}` });
    }
    try {
      const started = startRun(parseRunRequest(await readJson(req), SERVICES));
      return started.busy
        ? send(res, 409, { error: `run ${started.busy} is still live; one fault at a time` })
        : send(res, 202, started);
    } catch (e) {
      return send(res, 400, { error: e.message });
    }
  }
  return send(res, 404, {
    error: 'try GET /journals/index.json, GET /journals/<id>.json, GET /runs, POST /runs {"fault","target","seconds"}',
  });
});

/** The schedule: a short first run soon after start (something to show at once), then one every interval. */
function schedule() {
  const plan = (delaySeconds, pick) => {
    nextAt = new Date(Date.now() + delaySeconds * 1000).toISOString();
    setTimeout(() => {
      if (!stopping) {
        startRun(pick());
      }
      if (config.intervalSeconds > 0) {
        plan(config.intervalSeconds, pickScheduled);
      }
    }, delaySeconds * 1000).unref();
  };
  if (config.missing) {
    return;
  }
  if (config.firstRunDelaySeconds >= 0) {
    plan(config.firstRunDelaySeconds, () => FIRST_RUN);
  } else if (config.intervalSeconds > 0) {
    plan(config.intervalSeconds, pickScheduled);
  }
}

server.listen(config.port, '127.0.0.1', () => {
  log(`listening on 127.0.0.1:${config.port}; ${store.ids().length} journals in ${store.dir}`);
  log(config.missing ? `no chaos runs: ${config.missing}` : `Chaos Toolkit ${JSON.stringify(config.toolkit.versions)}`);
  schedule();
});

function stop() {
  // The live run gets one SIGTERM: Chaos Toolkit plays its rollbacks, writes its journal
  // ("interrupted") and exits; the runner exits once that journal is in the index.
  stopping = true;
  server.close();
  active?.run.interrupt('SIGTERM');
  const wait = () => (active ? setTimeout(wait, 100) : process.exit(0));
  wait();
  setTimeout(() => process.exit(1), 4500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
