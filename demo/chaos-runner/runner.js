// The chaos runner process: `node runner.js <config JSON>` with {ports, port, stateDir,
// intervalSeconds, firstRunDelaySeconds}. Real faults on a schedule and on demand, one at a time;
// a Chaos Toolkit journal per run, served at /journals/ for the Faultline data source.
const http = require('node:http');
const path = require('node:path');
const { SERVICES } = require('../services/topology');
const { send, readJson } = require('../services/httpUtil');
const { FAULTS, parseRunRequest } = require('./faults');
const { experimentFor } = require('./experiment');
const { executeRun } = require('./run');
const { JournalStore, runId } = require('./store');
const { pickScheduled, FIRST_RUN } = require('./schedule');

const config = JSON.parse(process.argv[2]);
const store = new JournalStore(path.join(config.stateDir, 'journals'));
const shutdown = new AbortController();
let active;
let nextAt = null;

function log(msg) {
  console.log(`[chaos-runner] ${msg}`);
}

/** Starts a run unless one is live; resolves to its id and journal path at once. */
function startRun(spec) {
  if (active) {
    return { busy: active.id };
  }
  let id = runId(spec);
  for (let n = 2; store.read(id) !== undefined; n++) {
    id = `${runId(spec)}-${n}`;
  }
  const experiment = experimentFor(spec, config.ports);
  active = { id, spec };
  log(`run ${id}: ${experiment.title} for ${spec.seconds} s`);
  executeRun(experiment, (j) => store.write(id, j), shutdown.signal)
    .then((j) => log(`run ${id}: ${j.status}${j.deviated ? ', deviated' : ''}`))
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
    return send(res, 200, { active: active?.id ?? null, nextScheduled: nextAt, faults: FAULTS, targets: SERVICES });
  }
  if (req.method === 'POST' && url.pathname === '/runs') {
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
      startRun(pick());
      if (config.intervalSeconds > 0) {
        plan(config.intervalSeconds, pickScheduled);
      }
    }, delaySeconds * 1000).unref();
  };
  if (config.firstRunDelaySeconds >= 0) {
    plan(config.firstRunDelaySeconds, () => FIRST_RUN);
  } else if (config.intervalSeconds > 0) {
    plan(config.intervalSeconds, pickScheduled);
  }
}

server.listen(config.port, '127.0.0.1', () => {
  log(`listening on 127.0.0.1:${config.port}; ${store.ids().length} journals in ${store.dir}`);
  schedule();
});

function stop() {
  // An interrupted run still rolls its fault back and closes its journal before the process ends.
  shutdown.abort();
  server.close();
  const wait = () => (active ? setTimeout(wait, 100) : process.exit(0));
  wait();
  setTimeout(() => process.exit(1), 4000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
