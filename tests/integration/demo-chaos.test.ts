/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CtkJournal } from '../../src/datasource/connectors/chaos/journals/types';
import { journalsBackend } from '../../src/datasource/connectors/chaos/journals';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { freeDemoPorts } from '../support/demoPorts';

// The demo services and chaos runner are CommonJS shared with `npm run demo`.
/* eslint-disable @typescript-eslint/no-require-imports */
const services = require('../../demo/services/service.js');
const chaosRunner = require('../../demo/chaos-runner/service.js');
/* eslint-enable @typescript-eslint/no-require-imports */

type Handle = { url: string; pid: number; stop: () => Promise<void> };

let ports: { services: Record<string, number>; faultProxies: Record<string, number>; chaosRunner: number };
let stateDir = '';
const started: Handle[] = [];
let runner = '';
let ctx: object;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every 200 ms until it returns a value, at most `tries` times. */
async function until<T>(probe: () => Promise<T | undefined>, tries = 150): Promise<T | undefined> {
  for (let i = 0; i < tries; i++) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) {
      return v;
    }
    await sleep(200);
  }
  return undefined;
}

async function frontendStatus(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${ports.faultProxies.frontend}/`, { signal: AbortSignal.timeout(5000) });
  await res.arrayBuffer();
  return res.status;
}

async function startRun(
  body: object
): Promise<{ status: number; json: { id?: string; journal?: string; error?: string } }> {
  const res = await fetch(`${runner}/runs`, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** The journal once the run has ended (chaoslib sets status and end last). */
async function finishedJournal(journalPath: string): Promise<CtkJournal> {
  const j = await until(async () => {
    const journal = (await (await fetch(runner + journalPath)).json()) as CtkJournal;
    return journal.status && journal.end ? journal : undefined;
  });
  if (!j) {
    throw new Error(`${journalPath} did not finish`);
  }
  return j;
}

function expectJournalShape(j: CtkJournal, target: string, fault: string) {
  expect(Object.keys(j)).toEqual(
    expect.arrayContaining([
      'chaoslib-version',
      'platform',
      'node',
      'experiment',
      'start',
      'end',
      'duration',
      'status',
      'deviated',
      'steady_states',
      'run',
      'rollbacks',
    ])
  );
  expect(j.experiment?.tags).toEqual(expect.arrayContaining([`service:${target}`, `fault:${fault}`]));
  expect(Object.keys(j.experiment ?? {})).toEqual(
    expect.arrayContaining(['title', 'description', 'steady-state-hypothesis', 'method', 'rollbacks'])
  );
  expect(j.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
  expect(j.end).toMatch(/\+00:00$/);
  expect(Date.parse(j.end!)).toBeGreaterThan(Date.parse(j.start!));
  expect(typeof j.duration).toBe('number');
  expect(j.steady_states?.during).toEqual([]);
  for (const entry of [...(j.run ?? []), ...(j.rollbacks ?? [])]) {
    expect(entry).toEqual(
      expect.objectContaining({
        activity: expect.any(Object),
        start: expect.any(String),
        end: expect.any(String),
        status: expect.stringMatching(/^(succeeded|failed)$/),
      })
    );
  }
  expect(j.rollbacks?.[0]?.status).toBe('succeeded');
}

beforeAll(async () => {
  ports = await freeDemoPorts(['chaosRunner']);
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-demo-'));
  ctx = {
    root: path.resolve(__dirname, '..', '..'),
    stateDir,
    ports,
    log: () => undefined,
    chaos: { intervalSeconds: 0, firstRunDelaySeconds: -1 },
  };
  started.push(await services.start(ctx));
  started.push(await chaosRunner.start(ctx));
  runner = started[1].url;
}, 60000);

afterAll(async () => {
  for (const h of started.reverse()) {
    await h.stop();
  }
  fs.rmSync(stateDir, { recursive: true, force: true });
});

describe('demo services and chaos runner: real faults', () => {
  it('answers through the frontend before any fault', async () => {
    expect(await frontendStatus()).toBe(200);
    expect(await (await fetch(`${runner}/journals/index.json`)).json()).toEqual([]);
  });

  it('refuses a bad run request with a clear error', async () => {
    const bad = await startRun({ fault: 'meteor', target: 'payments' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/fault must be one of kill\|latency\|errors\|cpu/);
    expect((await startRun({ fault: 'kill', target: 'database' })).json.error).toMatch(/target must be one of/);
    expect((await startRun({ fault: 'kill', target: 'payments', seconds: 3600 })).status).toBe(400);
  });

  it('5xx from payments fail requests through the frontend, deviate the run, and stop after it', async () => {
    const run = await startRun({ fault: 'errors', target: 'payments', seconds: 4 });
    expect(run.status).toBe(202);
    expect((await startRun({ fault: 'kill', target: 'shipping', seconds: 3 })).status).toBe(409);

    expect(await until(async () => ((await frontendStatus()) >= 500 ? true : undefined))).toBe(true);
    const journal = await finishedJournal(run.json.journal!);
    expect(await until(async () => ((await frontendStatus()) === 200 ? true : undefined))).toBe(true);

    expectJournalShape(journal, 'payments', 'errors');
    expect(journal.steady_states?.before?.steady_state_met).toBe(true);
    expect(journal.steady_states?.after?.steady_state_met).toBe(false);
    expect(journal.deviated).toBe(true);
    expect(journal.status).toBe('failed');

    // The data source's own journal reader, over HTTP, sees the run as a deviated failure on payments.
    const { runs } = await journalsBackend.load({
      settings: { journalsUrl: runner, journalIndex: '/journals/index.json' },
      transport: fetchTransport({ journals: { url: runner } }),
      range: { from: Date.now() - 3600_000, to: Date.now() },
    });
    const mapped = runs.find((r) => r.id === run.json.journal);
    expect(mapped).toEqual(
      expect.objectContaining({ targets: ['payments'], status: 'failed', kind: 'errors', source: 'chaostoolkit' })
    );
    expect(mapped?.verdict?.outcome).toBe('deviated');
    expect(mapped?.end).toBeGreaterThan(mapped!.start);
  }, 90000);

  it('kills the payments process for real, and it is back with a new pid after the run', async () => {
    const healthz = `http://127.0.0.1:${ports.services.payments}/healthz`;
    const before = (await (await fetch(healthz)).json()) as { pid: number };
    const run = await startRun({ fault: 'kill', target: 'payments', seconds: 3 });
    expect(run.status).toBe(202);

    const gone = await until(async () => {
      try {
        process.kill(before.pid, 0);
        return undefined;
      } catch {
        return true;
      }
    });
    expect(gone).toBe(true);
    await expect(fetch(healthz)).rejects.toThrow();
    expect(await frontendStatus()).toBeGreaterThanOrEqual(500);

    const journal = await finishedJournal(run.json.journal!);
    expectJournalShape(journal, 'payments', 'kill');
    expect(journal.deviated).toBe(true);
    expect(journal.run?.[0]?.output).toEqual(
      expect.objectContaining({ body: expect.objectContaining({ killedPid: before.pid }) })
    );

    const after = await until(async () => (await (await fetch(healthz)).json()) as { pid: number });
    expect(after?.pid).not.toBe(before.pid);
    expect(await until(async () => ((await frontendStatus()) === 200 ? true : undefined))).toBe(true);
  }, 90000);

  it('a fault on an optional call is tolerated: the run completes without deviating', async () => {
    const run = await startRun({ fault: 'errors', target: 'shipping', seconds: 3 });
    expect(run.status).toBe(202);
    const journal = await finishedJournal(run.json.journal!);
    expectJournalShape(journal, 'shipping', 'errors');
    expect(journal.run?.find((e) => e.activity?.name === 'frontend-under-fault')?.output).toEqual(
      expect.objectContaining({ error_rate: 0 })
    );
    expect(journal.deviated).toBe(false);
    expect(journal.status).toBe('completed');
    expect(await (await fetch(`${runner}/journals/index.json`)).json()).toHaveLength(3);
  }, 90000);

  it('delays requests to inventory by the injected latency, which users wait for: the run deviates', async () => {
    const run = await startRun({ fault: 'latency', target: 'inventory', seconds: 3, latencyMs: 1200 });
    expect(run.status).toBe(202);
    const injected = await until(async () => {
      const j = (await (await fetch(runner + run.json.journal)).json()) as CtkJournal;
      return j.run?.length ? j : undefined;
    });
    expect(injected?.run?.[0]?.status).toBe('succeeded');
    // The proxy holds each request at least the injected delay before passing it on.
    const t0 = performance.now();
    expect(await frontendStatus()).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1200);

    const journal = await finishedJournal(run.json.journal!);
    expectJournalShape(journal, 'inventory', 'latency');
    const after = journal.steady_states?.after?.probes ?? [];
    expect(after.find((p) => p.activity?.name === 'frontend-p95-latency')?.tolerance_met).toBe(false);
    expect(after.find((p) => p.activity?.name === 'frontend-error-rate')?.tolerance_met).toBe(true);
    expect(journal.deviated).toBe(true);
    const status = await (await fetch(`http://127.0.0.1:${ports.faultProxies.inventory}/__faultline/status`)).json();
    expect(status.fault).toBeNull();
  }, 90000);

  it('burns CPU inside the checkout process for the length of the fault, then stops', async () => {
    const metrics = `http://127.0.0.1:${ports.services.checkout}/metrics`;
    const cpu = async () => {
      const text = await (await fetch(metrics)).text();
      return { at: performance.now(), seconds: Number(/^process_cpu_seconds_total\{[^}]*\} (\S+)$/m.exec(text)![1]) };
    };
    const rate = (a: { at: number; seconds: number }, b: { at: number; seconds: number }) =>
      (b.seconds - a.seconds) / ((b.at - a.at) / 1000);
    const idle0 = await cpu();
    await sleep(3000);
    const idle1 = await cpu();

    const run = await startRun({ fault: 'cpu', target: 'checkout', seconds: 3 });
    expect(run.status).toBe(202);
    const injected = await until(async () => {
      const j = (await (await fetch(runner + run.json.journal)).json()) as CtkJournal;
      return j.run?.length ? j : undefined;
    });
    expect(injected?.run?.[0]?.status).toBe('succeeded');
    const burn0 = await cpu();
    const journal = await finishedJournal(run.json.journal!);
    const burn1 = await cpu();
    expectJournalShape(journal, 'checkout', 'cpu');
    // A busy event loop uses a good part of a core; an idle service with a few requests a second, hardly any.
    expect(rate(burn0, burn1)).toBeGreaterThan(3 * rate(idle0, idle1));

    await sleep(1000);
    const after0 = await cpu();
    await sleep(2000);
    expect(rate(after0, await cpu())).toBeLessThan(rate(burn0, burn1) / 3);
  }, 90000);

  it('a runner stopped mid-run rolls its fault back and closes the journal as interrupted', async () => {
    const status = `http://127.0.0.1:${ports.faultProxies.payments}/__faultline/status`;
    const run = await startRun({ fault: 'errors', target: 'payments', seconds: 60 });
    expect(run.status).toBe(202);
    const injected = await until(async () => ((await (await fetch(status)).json()).fault ? true : undefined));
    expect(injected).toBe(true);

    await started.pop()!.stop();
    const file = path.join(stateDir, 'journals', `${run.json.id}.json`);
    const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as CtkJournal;
    expect(journal.status).toBe('interrupted');
    expect(journal.steady_states?.after).toBeNull();
    expect(journal.rollbacks?.[0]?.status).toBe('succeeded');
    expect((await (await fetch(status)).json()).fault).toBeNull();
    expect(await until(async () => ((await frontendStatus()) === 200 ? true : undefined))).toBe(true);

    // Journals outlive the runner: a new one serves all of them again.
    started.push(await chaosRunner.start(ctx));
    expect(await (await fetch(`${runner}/journals/index.json`)).json()).toHaveLength(6);
    const mapped = (
      await journalsBackend.load({
        settings: { journalsUrl: runner, journalIndex: '/journals/index.json' },
        transport: fetchTransport({ journals: { url: runner } }),
        range: { from: Date.now() - 3600_000, to: Date.now() },
      })
    ).runs.find((r) => r.id === run.json.journal);
    expect(mapped?.status).toBe('aborted');
  }, 90000);
});
