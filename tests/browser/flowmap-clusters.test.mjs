// The app's Flow map page answers "which of my clusters is on fire?" from the demo's two clusters:
// the demo services scraped by cluster a's Prometheus, cluster b's flow exporter and Prometheus, and
// the global view federating both (demo/), on free ports; the data source and the app set up as
// provisioning/ sets them up for `npm run demo`, with chaos runs from journals and a catalog on loopback.
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import YAML from 'yaml';
import { component, SERVICES, startPreviewEnv } from './env.mjs';
import { launchBrowser, openPage, panelTable, ROOT, screenshot } from './harness.mjs';

const require = createRequire(import.meta.url);
const { freePorts, which } = require('../../scripts/lib/processes.js');
const parts = ['services', 'prometheus', 'cluster-b', 'global-view'].map((d) => require(`../../demo/${d}/service.js`));

const TITLE = 'Clusters: which one is on fire?';
const CLUSTER_B = ['ledger', 'refunds', 'fraud-check', 'audit-log'];
const provisioned = (file) => YAML.parse(readFileSync(path.join(ROOT, 'provisioning', file), 'utf8'));
const dataSource = provisioned('datasources/faultline.yaml').datasources.find((d) => d.type === 'faultline-datasource');
const appSettings = provisioned('plugins/apps.yaml').apps[0].jsonData;

const skip = which('prometheus') ? false : 'prometheus not installed: apt-get install prometheus';
const started = [];
const dirs = [];
let env;
let browser;

/** Until the global view holds three samples of both clusters' service graph series: enough for rates. */
async function waitForBothClusters(url) {
  const q = 'count by (cluster) (count_over_time(traces_service_graph_request_total[1m]) >= 3)';
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const body = await (await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: q })}`)).json();
    const clusters = (body.data?.result ?? []).map((r) => r.metric.cluster).sort();
    if (clusters.join() === 'a,b') {
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the global view ${url} did not hold both clusters within 90 s`);
}

before(async () => {
  if (skip) {
    return;
  }
  const free = await freePorts(14);
  const ports = {
    services: Object.fromEntries(SERVICES.map((s) => [s, free.shift()])),
    faultProxies: Object.fromEntries(SERVICES.map((s) => [s, free.shift()])),
    prometheus: free.shift(),
    prometheusB: free.shift(),
    prometheusGlobal: free.shift(),
    clusterBExporter: free.shift(),
  };
  for (const part of parts) {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), `faultline-${part.name}-`));
    dirs.push(stateDir);
    started.push(await part.start({ root: ROOT, stateDir, ports, loadRps: 10 }));
  }
  const global = started.at(-1);
  await waitForBothClusters(global.url);
  const { flowClusterLabel, crossClusterCostPerGb, costPerGb } = dataSource.jsonData;
  env = await startPreviewEnv({
    store: global,
    jsonData: { flowClusterLabel, crossClusterCostPerGb, costPerGb },
    entities: [...SERVICES, ...CLUSTER_B].map((s) => component(s)),
    app: { jsonData: appSettings },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await env?.stop();
  for (const s of started.reverse()) {
    await s.stop();
  }
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

test('the Flow map page ranks both clusters by error share, with chaos runs and owners to call', { skip }, async () => {
  const { page, watch } = await openPage(browser, `${env.preview.url}/a/faultline-app/flow-map`);
  try {
    await page.getByTestId('data-testid faultline-flow-map').waitFor();
    await page.waitForFunction(
      (t) => {
        const panel = [...document.querySelectorAll('[data-viz-panel-key]')].find(
          (p) => p.querySelector('h2')?.textContent === t
        );
        return panel && panel.querySelectorAll('[role="row"] [role="cell"]').length >= 12;
      },
      TITLE,
      { timeout: 60_000 }
    );
    const { columns, rows } = await page.evaluate(panelTable, TITLE);
    assert.deepEqual(columns, [
      'Cluster',
      'Traffic',
      'Error share',
      'Chaos runs',
      'Owner of the busiest service',
      'Owner of the most failing service',
    ]);
    const row = Object.fromEntries(rows.map((r) => [r.cells[0], r.cells]));
    assert.deepEqual(Object.keys(row).sort(), ['a', 'b']);
    // Cluster b's exporter fails 4 % of ledger → audit-log and 1 % of payments → ledger: 0.22 of 12 calls/s.
    assert.match(row.b[2], /^1\.8\d*%$/);
    // The runs on checkout and payments in the last hour; payments' run reaches the ledger in cluster b.
    assert.equal(row.a[3], '2');
    assert.equal(row.b[3], '1');
    assert.equal(row.b[4], 'team-ledger');
    assert.equal(row.b[5], 'team-audit-log');
    assert.match(row.a[4], /^team-/);
    // Most failing first.
    const shares = rows.map((r) => Number.parseFloat(r.cells[2]) || 0);
    assert.deepEqual(
      shares,
      [...shares].sort((x, y) => y - x)
    );
    // The map below holds both clusters and the call between them.
    const status = page.getByTestId('faultline-flowgraph-summary');
    const both = SERVICES.length + CLUSTER_B.length;
    await page
      .waitForFunction(
        (n) => Number(document.querySelector('[data-testid="faultline-flowgraph-summary"]')?.dataset.totalNodes) >= n,
        both,
        { timeout: 30_000 }
      )
      .catch(() => undefined);
    await screenshot(page, 'flowmap-clusters');
    // Cluster a also has the load generator's clients (`user`, the uncatalogued stock-audit job).
    assert.ok(Number(await status.getAttribute('data-total-nodes')) >= both);
    await page.getByLabel('Search nodes').fill('ledger');
    assert.equal(await status.getAttribute('data-matches'), '1');
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});
