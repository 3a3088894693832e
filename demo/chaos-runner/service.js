// Demo backend: the chaos runner on 127.0.0.1:8300 (demo/PORTS.md), running the real Chaos Toolkit
// from demo/chaos-toolkit/.venv (made on first start). Journals are kept in <stateDir>/journals and
// survive restarts of the demo. Without Python the runner still serves the journals it has, and says
// why it runs no experiments.
const path = require('node:path');
const { startProcess, httpReady } = require('../../scripts/lib/processes');
const { ensureChaosToolkit } = require('../../scripts/lib/chaosToolkit');
const { tracingControlFiles } = require('./tracing');
const { resolvePorts } = require('../services/topology');

module.exports = {
  name: 'chaos-runner',
  // After the services it breaks.
  order: 30,
  async start(ctx) {
    if (!ctx.stateDir) {
      throw new Error('the chaos runner needs ctx.stateDir to keep its journals');
    }
    const ports = resolvePorts(ctx.ports);
    const url = `http://127.0.0.1:${ports.chaosRunner}`;
    const toolkit = ctx.chaosToolkit ?? (await ensureChaosToolkit({ log: ctx.log }));
    if (toolkit.missing) {
      ctx.log?.(`no chaos runs: ${toolkit.missing}`);
    }
    const config = {
      ports,
      port: ports.chaosRunner,
      stateDir: ctx.stateDir,
      toolkit: toolkit.missing ? undefined : toolkit,
      missing: toolkit.missing,
      prometheusUrl: `http://127.0.0.1:${ctx.ports?.prometheus ?? 9090}`,
      // Tests pass a window of a few scrapes so one run's errors do not fail the next run's check.
      prometheusWindow: ctx.chaos?.prometheusWindow,
      controlFiles: toolkit.missing ? [] : tracingControlFiles(toolkit, ctx.log),
      // Tests turn the schedule off (0 / -1) and trigger runs themselves.
      intervalSeconds: ctx.chaos?.intervalSeconds ?? 150,
      firstRunDelaySeconds: ctx.chaos?.firstRunDelaySeconds ?? 5,
    };
    const p = await startProcess({
      name: 'chaos runner',
      cmd: process.execPath,
      args: [path.join(__dirname, 'runner.js'), JSON.stringify(config)],
      // Only the runner answers 200 here: another process on the port is not mistaken for it.
      ready: () => httpReady(`${url}/journals/index.json`, undefined, (status) => status === 200),
      timeoutMs: 20000,
      logFile: path.join(ctx.stateDir, 'chaos-runner.log'),
    });
    ctx.log?.(
      `journals at ${url}/journals/index.json; runs on demand: POST ${url}/runs {"fault":"kill|latency|errors|cpu","target":"payments","seconds":30}`
    );
    return { url, pid: p.pid, stop: () => p.stop() };
  },
};
