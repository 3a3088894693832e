/** @jest-environment node */
// The real Chaos Toolkit (demo/chaos-toolkit/.venv, from PyPI at the pinned versions) runs small
// experiments against a loopback service; its journals are read back through the journals connector.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChaosRun } from '../../src/model/chaos';
import type { CtkJournal } from '../../src/datasource/connectors/chaos/journals/types';
import { journalsBackend } from '../../src/datasource/connectors/chaos/journals';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { fixture } from '../../src/datasource/connectors/chaos/fixtures/load';
import { OUTCOME_COLOR, OUTCOME_STATE, outcomeOf } from '../../src/model/outcome';

/* eslint-disable @typescript-eslint/no-require-imports */
const { ensureChaosToolkit } = require('../../scripts/lib/chaosToolkit.js');
const { runChaos } = require('../../demo/chaos-runner/chaosRun.js');
const { journal: browserJournal } = require('../browser/backends.mjs');
/* eslint-enable @typescript-eslint/no-require-imports */

type Toolkit = { python: string; pythonPath: string; versions: { chaostoolkit: string; chaoslib: string } };
type Outcome = { exitCode: number | null; journalFile?: string; error?: string };

let toolkit: Toolkit | undefined;
let missing = '';
let dir = '';
let broken = false;
let service: http.Server;
let base = '';
let journalServer: http.Server;
let journalsUrl = '';

/** The system under test: healthy until POST /break, slow on /slow, gone on /missing. */
function startService(): Promise<void> {
  service = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/break') {
      broken = true;
    } else if (req.method === 'POST' && req.url === '/repair') {
      broken = false;
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 3000);
      return;
    }
    res.writeHead(broken ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ broken }));
  });
  return new Promise((r) => service.listen(0, '127.0.0.1', () => r()));
}

/** Serves `dir/journals` as the demo's runner does: an index and one file per run. */
function startJournalServer(): Promise<void> {
  journalServer = http.createServer((req, res) => {
    const jdir = path.join(dir, 'journals');
    if (req.url === '/journals/index.json') {
      res.end(JSON.stringify(fs.readdirSync(jdir).map((f) => `/journals/${f}`)));
      return;
    }
    const file = path.join(jdir, path.basename(req.url ?? ''));
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((r) => journalServer.listen(0, '127.0.0.1', () => r()));
}

const probe = (name: string, url: string, extra: object = {}) => ({
  type: 'probe',
  name,
  tolerance: 200,
  provider: { type: 'http', url, timeout: 1, ...extra },
});
const action = (name: string, url: string, pauseAfter = 0) => ({
  type: 'action',
  name,
  provider: { type: 'http', url, method: 'POST', timeout: 2 },
  ...(pauseAfter ? { pauses: { after: pauseAfter } } : {}),
});

function experiment(title: string, parts: { probes: object[]; method: object[]; target?: string }) {
  return {
    version: '1.0.0',
    title,
    description: 'integration test',
    tags: [`service:${parts.target ?? 'shop'}`, 'fault:errors', 'team:qa'],
    'steady-state-hypothesis': { title: 'the shop answers', probes: parts.probes },
    method: parts.method,
    rollbacks: [action('repair', `${base}/repair`)],
  };
}

/** Runs one experiment with `chaos run`; its journal, if any, goes into the served folder as `<name>.json`. */
async function run(
  name: string,
  exp: object | string,
  whileRunning?: (h: { interrupt: (sig: string) => void }) => void
): Promise<Outcome> {
  const runDir = path.join(dir, 'runs', name);
  fs.mkdirSync(runDir, { recursive: true });
  const file = path.join(runDir, 'experiment.json');
  fs.writeFileSync(file, typeof exp === 'string' ? exp : JSON.stringify(exp));
  const handle = runChaos({ toolkit, experimentFile: file, runDir });
  whileRunning?.(handle);
  const outcome: Outcome = await handle.done;
  if (outcome.journalFile) {
    fs.copyFileSync(outcome.journalFile, path.join(dir, 'journals', `${name}.json`));
  }
  return outcome;
}

const readJournal = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'journals', `${name}.json`), 'utf8')) as CtkJournal &
    Record<string, unknown>;

async function mapped(): Promise<{ runs: ChaosRun[]; warnings?: Error[] }> {
  return journalsBackend.load({
    settings: { journalsUrl, journalIndex: '/journals/index.json' },
    transport: fetchTransport({ journals: { url: journalsUrl } }),
    range: { from: Date.now() - 3600_000, to: Date.now() + 60_000 },
  });
}

const byId = (runs: ChaosRun[], name: string) => runs.find((r) => r.id === `/journals/${name}.json`)!;

/** Key paths of a JSON value (array elements merged), to compare a fixture's shape with a real journal's. */
function keyPaths(v: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const visit = (x: unknown, p: string) => {
    if (Array.isArray(x)) {
      x.forEach((e) => visit(e, `${p}[]`));
    } else if (x && typeof x === 'object') {
      for (const [k, val] of Object.entries(x)) {
        out.add(`${p}.${k}`);
        // What an experiment or an activity's output holds is the user's, not the journal's shape.
        if (!['experiment', 'output', 'activity'].includes(k)) {
          visit(val, `${p}.${k}`);
        }
      }
    }
  };
  visit(v, prefix);
  return out;
}

beforeAll(async () => {
  const t = await ensureChaosToolkit({});
  if (t.missing) {
    missing = t.missing;
    console.warn(`chaos-toolkit: SKIPPED, Chaos Toolkit cannot be installed here: ${missing}`);
    return;
  }
  toolkit = t;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-ctk-'));
  fs.mkdirSync(path.join(dir, 'journals'));
  await startService();
  base = `http://127.0.0.1:${(service.address() as { port: number }).port}`;
  await startJournalServer();
  journalsUrl = `http://127.0.0.1:${(journalServer.address() as { port: number }).port}`;
}, 300_000);

afterAll(async () => {
  await Promise.all([service, journalServer].filter(Boolean).map((s) => new Promise((r) => s.close(r))));
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('Chaos Toolkit runs read back through the journals connector', () => {
  it('installs the pinned versions', () => {
    if (missing) {
      return;
    }
    const lock = fs.readFileSync(path.join(__dirname, '../../demo/chaos-toolkit/requirements.lock'), 'utf8');
    const py311 = fs.readFileSync(path.join(__dirname, '../../demo/chaos-toolkit/requirements-py311.lock'), 'utf8');
    const pins = `${lock}\n${py311}`;
    expect(pins).toContain(`chaostoolkit==${toolkit!.versions.chaostoolkit}`);
    expect(pins).toContain(`chaostoolkit-lib==${toolkit!.versions.chaoslib}`);
  });

  it('the venv\'s own `chaos` command starts, as a user runs it', () => {
    if (missing) {
      return;
    }
    const chaos = path.join(path.dirname(toolkit!.python), 'chaos');
    const res = spawnSync(chaos, ['--version'], { encoding: 'utf8' });
    expect(res.error).toBeUndefined();
    expect(`${res.stdout}${res.stderr}`).toContain(toolkit!.versions.chaostoolkit);
  });

  it('a passing run: completed, passed, its window and timeline as the journal says', async () => {
    if (missing) {
      return;
    }
    const out = await run(
      'passing',
      experiment('The shop survives a poke', {
        probes: [probe('shop-answers', `${base}/`)],
        method: [action('poke', `${base}/poke`)],
      })
    );
    expect(out.error).toBeUndefined();
    expect(out.exitCode).toBe(0);
    const j = readJournal('passing');
    expect(j).toMatchObject({ status: 'completed', deviated: false, 'chaoslib-version': toolkit!.versions.chaoslib });
    const r = byId((await mapped()).runs, 'passing');
    expect(r).toMatchObject({
      source: 'chaostoolkit',
      name: 'The shop survives a poke',
      status: 'succeeded',
      verdict: { outcome: 'passed', detail: 'steady state met before and after' },
      targets: ['shop'],
      kind: 'errors',
      labels: { team: 'qa' },
      start: Date.parse(j.start!),
      end: Date.parse(j.end!),
    });
    expect(r.events.map((e) => e.reason)).toEqual([
      'steady state before: shop-answers',
      'action: poke',
      'steady state after: shop-answers',
      'rollback: repair',
    ]);
    expect(r.events.map((e) => e.time)).toEqual([
      Date.parse(j.steady_states!.before!.probes![0].start!),
      Date.parse(j.run![0].start!),
      Date.parse(j.steady_states!.after!.probes![0].start!),
      Date.parse(j.rollbacks![0].start!),
    ]);
  }, 60_000);

  it('a run whose steady state deviates: chaoslib says completed + deviated, the run is deviated', async () => {
    if (missing) {
      return;
    }
    const out = await run(
      'deviated',
      experiment('The shop survives being broken', {
        probes: [probe('shop-answers', `${base}/`)],
        method: [action('break', `${base}/break`)],
      })
    );
    expect(out.exitCode).toBe(1);
    expect(readJournal('deviated')).toMatchObject({ status: 'completed', deviated: true });
    expect(broken).toBe(false);
    const r = byId((await mapped()).runs, 'deviated');
    expect(r).toMatchObject({
      status: 'succeeded',
      verdict: { outcome: 'deviated', detail: 'steady state not met after the method' },
    });
    expect(r.events.find((e) => e.reason === 'steady state after: shop-answers')).toMatchObject({
      level: 'warning',
      message: 'tolerance not met',
    });
  }, 60_000);

  it('a probe that errors before the method: failed, nothing injected, the error is in the timeline', async () => {
    if (missing) {
      return;
    }
    const closed = `http://127.0.0.1:1/`;
    await run(
      'probe-error',
      experiment('The shop answers a dead port', {
        probes: [probe('dead-port', closed)],
        method: [action('break', `${base}/break`)],
      })
    );
    const j = readJournal('probe-error');
    expect(j).toMatchObject({ status: 'failed', deviated: false, run: [] });
    expect(broken).toBe(false);
    const r = byId((await mapped()).runs, 'probe-error');
    expect(r).toMatchObject({
      status: 'failed',
      verdict: { outcome: 'unknown', detail: 'steady state not met before the method; nothing was injected' },
    });
    expect(r.events[0]).toMatchObject({ reason: 'steady state before: dead-port', level: 'error' });
    expect(r.events[0].message).toMatch(/^failed: .*failed to connect to http:\/\/127\.0\.0\.1:1\//);
  }, 60_000);

  it('a steady state not met before the method: "completed" to Chaos Toolkit, grey to us, nothing injected', async () => {
    if (missing) {
      return;
    }
    await run(
      'not-steady',
      experiment('The shop answers 201', {
        probes: [{ ...probe('shop-201', `${base}/`), tolerance: 201 }],
        method: [action('break', `${base}/break`)],
      })
    );
    const j = readJournal('not-steady');
    // chaoslib checks the hypothesis, finds it unmet and ends the run without its method.
    expect(j).toMatchObject({ status: 'completed', deviated: false, run: [] });
    expect(broken).toBe(false);
    const r = byId((await mapped()).runs, 'not-steady');
    expect(r).toMatchObject({
      status: 'succeeded',
      verdict: { outcome: 'unknown', detail: 'steady state not met before the method; nothing was injected' },
    });
    expect(outcomeOf(r)).toBe('unknown');
    expect(OUTCOME_STATE[outcomeOf(r)]).toBeUndefined();
    expect(OUTCOME_COLOR[outcomeOf(r)]).not.toBe(OUTCOME_COLOR.succeeded);
  }, 60_000);

  it("a probe that times out fails with Chaos Toolkit's own message", async () => {
    if (missing) {
      return;
    }
    await run(
      'probe-timeout',
      experiment('The shop answers quickly', { probes: [probe('slow', `${base}/slow`)], method: [] })
    );
    const r = byId((await mapped()).runs, 'probe-timeout');
    expect(r.status).toBe('failed');
    expect(r.events[0]).toMatchObject({
      level: 'error',
      message: expect.stringMatching(/activity took too long to complete$/),
    });
  }, 60_000);

  it.each([
    ['SIGINT', 'interrupted-int'],
    ['SIGTERM', 'interrupted-term'],
  ])(
    'a run interrupted by %s: interrupted, rolled back, the signal recorded',
    async (signal, name) => {
      if (missing) {
        return;
      }
      const out = await run(
        name,
        experiment('The shop survives a long break', {
          probes: [probe('shop-answers', `${base}/`)],
          method: [action('break', `${base}/break`, 30)],
        }),
        (h) => {
          const wait = () => (broken ? h.interrupt(signal) : setTimeout(wait, 50));
          wait();
        }
      );
      expect(out.journalFile).toBeDefined();
      const j = readJournal(name);
      // chaostoolkit 1.21 records the signal; 1.19 (the Python 3.11 lock) does not.
      const [major, minor] = toolkit!.versions.chaostoolkit.split('.').map(Number);
      const recordsSignal = major > 1 || minor >= 21;
      expect(j).toMatchObject({ status: 'interrupted', deviated: false });
      expect(j.interruption).toEqual(
        recordsSignal ? { kind: 'signal', name: signal, reason: `received ${signal}` } : undefined
      );
      expect(j.steady_states?.after).toBeNull();
      expect(j.rollbacks?.[0]).toMatchObject({ status: 'succeeded' });
      expect(broken).toBe(false);
      const r = byId((await mapped()).runs, name);
      expect(r).toMatchObject({
        status: 'aborted',
        verdict: {
          outcome: 'unknown',
          detail: `interrupted${recordsSignal ? ` (received ${signal})` : ''} before the steady state was checked after the method`,
        },
        end: Date.parse(j.end!),
      });
      if (recordsSignal) {
        expect(r.events.at(-1)).toMatchObject({ reason: 'interrupted', message: `received ${signal}` });
      }
    },
    60_000
  );

  it("an experiment file with an error is refused: no journal, Chaos Toolkit's message", async () => {
    if (missing) {
      return;
    }
    const bad = await run('invalid', {
      title: 'no method',
      description: 'x',
      'steady-state-hypothesis': { title: 't', probes: [] },
    });
    expect(bad.journalFile).toBeUndefined();
    expect(bad.exitCode).toBe(1);
    expect(bad.error).toMatch(/method/i);
    const notJson = await run('not-json', '{"title": ');
    expect(notJson.journalFile).toBeUndefined();
    expect(notJson.error).toBeTruthy();
    expect((await mapped()).runs.find((r) => r.id.includes('invalid') || r.id.includes('not-json'))).toBeUndefined();
  }, 60_000);

  it('a journal from a newer Chaos Toolkit with unknown fields maps as before', async () => {
    if (missing) {
      return;
    }
    const j = readJournal('passing');
    const newer = {
      ...j,
      'chaoslib-version': '9.0.0',
      provenance: { agent: 'x' },
      run: j.run!.map((e) => ({ ...e, attempts: 2 })),
    };
    fs.writeFileSync(path.join(dir, 'journals', 'newer.json'), JSON.stringify(newer));
    const { runs } = await mapped();
    const { id: _a, url: _b, ...now } = byId(runs, 'newer');
    const { id: _c, url: _d, ...before } = byId(runs, 'passing');
    expect(now).toEqual(before);
  }, 60_000);

  it('a journal cut off mid-write is one warning; every other run still shows', async () => {
    if (missing) {
      return;
    }
    const text = fs.readFileSync(path.join(dir, 'journals', 'passing.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'journals', 'cut.json'), text.slice(0, Math.floor(text.length / 2)));
    const { runs, warnings } = await mapped();
    expect(warnings?.[0]?.message).toMatch(/1 of \d+ journals could not be read; first: \/journals\/cut\.json/);
    expect(byId(runs, 'passing')).toBeDefined();
    expect(byId(runs, 'deviated')).toBeDefined();
    fs.rmSync(path.join(dir, 'journals', 'cut.json'));
  }, 60_000);

  it('the journal fixtures kept in the repository use only keys a real journal has, where it has them', () => {
    if (missing) {
      return;
    }
    const real = new Set([
      ...['passing', 'deviated', 'interrupted-term'].flatMap((n) => [...keyPaths(readJournal(n))]),
    ]);
    const fixtures: Array<[string, unknown]> = [
      ['fixtures/journals/payments-latency-deviated.json', fixture('journals/payments-latency-deviated.json')],
      ['fixtures/journals/checkout-kill-running.json', fixture('journals/checkout-kill-running.json')],
      [
        'tests/browser/backends.mjs journal()',
        browserJournal({ title: 't', service: 's', startMs: Date.now(), minutes: 1 }),
      ],
    ];
    for (const [name, value] of fixtures) {
      expect([name, [...keyPaths(value)].filter((k) => !real.has(k))]).toEqual([name, []]);
    }
  });
});
