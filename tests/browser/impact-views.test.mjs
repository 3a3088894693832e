// The measured impact of a chaos run and the catalog's drift, as the app pages show them, read from
// real backends (tests/browser/env.mjs): a Prometheus holding Beyla flow counters, Chaos Toolkit
// journals, and a catalog that lacks one of the services the flows show (shipping).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { component, SERVICES, startPreviewEnv } from './env.mjs';
import { launchBrowser, openPage, panelTable, screenshot, settled } from './harness.mjs';

let env;
let browser;
// The most recent of the env's journals: payments latency, 20 minutes ago for 6 minutes.
const RUN = '/journals/run-4.json';
const HELPERS = ['run_id', 'catalog_namespace', 'on_call_url', 'notes'];

before(async () => {
  env = await startPreviewEnv({ entities: SERVICES.filter((s) => s !== 'shipping').map((s) => component(s)) });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await env?.stop();
});

const problems = (watch) => watch.problems.filter((p) => !/^request failed: .* net::ERR_ABORTED$/.test(p));

test('a picked run rings the map by measured impact, and its table hides the helper columns as Grafana does', async () => {
  const url = `${env.preview.url}/a/faultline-app/experiments?var-run=${encodeURIComponent(RUN)}`;
  const { page, watch } = await openPage(browser, url, { viewport: { width: 1400, height: 1900 } });
  try {
    const map = page.getByTestId('faultline-flowgraph').first();
    const status = map.getByTestId('faultline-flowgraph-summary');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="faultline-flowgraph-summary"]')?.dataset.overlay === 'impact',
      null,
      { timeout: 90_000 }
    );
    assert.equal(await status.getAttribute('data-overlay'), 'impact');
    const legend = await map.getByTestId('faultline-flowgraph-legend').innerText();
    assert.match(legend, /broken \(\d+\)/);
    assert.match(legend, /unaffected \([1-9]\d*\)/, `measured services are ringed: ${legend}`);
    assert.match(legend, /less traffic \(\d+\)/);
    const verdict = page.locator('[role="cell"]', { hasText: /^(unaffected|degraded|broken|unknown)$/ }).first();
    await verdict.waitFor({ timeout: 60_000 });
    await settled(page);
    const table = await page.evaluate(panelTable, 'Measured impact');
    assert.ok(table.rows.length > 0, 'the run’s services are listed');
    for (const name of HELPERS) {
      assert.ok(!table.columns.includes(name), `${name} is hidden: ${table.columns.join(', ')}`);
    }
    assert.ok(table.columns.includes('service'), table.columns.join(', '));
    await map.scrollIntoViewIfNeeded();
    await screenshot(page, 'impact-map');
    assert.deepEqual(problems(watch), []);
  } finally {
    await page.close();
  }
});

test('the service page lists the measured impact of the runs that targeted it', async () => {
  const { page, watch } = await openPage(browser, `${env.preview.url}/a/faultline-app/service/default/payments`, {
    viewport: { width: 1400, height: 2400 },
  });
  try {
    const verdict = page.locator('[role="cell"]', { hasText: /^(unaffected|degraded|broken|unknown)$/ }).first();
    await verdict.waitFor({ timeout: 90_000 });
    await settled(page);
    const table = await page.evaluate(panelTable, 'Measured impact');
    assert.ok(
      table.rows.some((r) => r.cells.includes('payments')),
      JSON.stringify(table.rows.slice(0, 3))
    );
    for (const name of HELPERS) {
      assert.ok(!table.columns.includes(name), `${name} is hidden: ${table.columns.join(', ')}`);
    }
    await page.getByText('Measured impact', { exact: true }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'impact-service');
    assert.deepEqual(problems(watch), []);
  } finally {
    await page.close();
  }
});

test('a chaos region on the service page says what the run measurably did', async () => {
  const { page, watch } = await openPage(browser, `${env.preview.url}/a/faultline-app/service/default/payments`);
  try {
    const region = page
      .locator('[data-testid="preview-annotation"][data-region="true"][aria-label^="payments latency 500ms"]')
      .first();
    await region.waitFor({ timeout: 90_000 });
    await region.click();
    const tooltip = page.getByTestId('preview-annotation-tooltip');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    // The env's flows are flat through the run: nothing beyond the target moved.
    assert.match(text, /contained: only the targets were impacted/, text);
    await screenshot(page, 'impact-annotation');
    assert.deepEqual(problems(watch), []);
  } finally {
    await page.close();
  }
});

test('the catalog page shows the drift: a service in the flows the catalog lacks, per gap and per team', async () => {
  const { page, watch } = await openPage(browser, `${env.preview.url}/a/faultline-app/catalog`, {
    viewport: { width: 1400, height: 2400 },
  });
  try {
    await page
      .locator('[role="cell"]', { hasText: /^uncatalogued$/ })
      .first()
      .waitFor({ timeout: 90_000 });
    await settled(page);
    const gaps = await page.evaluate(panelTable, 'Catalog drift');
    const row = gaps.rows.find((r) => r.cells.includes('shipping'));
    assert.ok(row?.cells.includes('uncatalogued'), JSON.stringify(gaps));
    const teams = await page.evaluate(panelTable, 'Catalog drift by team');
    assert.ok(teams.rows.length > 0, JSON.stringify(teams));
    await page.getByText('Catalog drift', { exact: true }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'drift-catalog');
    assert.deepEqual(problems(watch), []);
  } finally {
    await page.close();
  }
});
