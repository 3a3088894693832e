// The preview against real data: every example dashboard of src/dashboards (and the fixture in
// tests/browser/fixtures) loads without a console error, every panel renders, a variable change
// re-runs the queries with the new value, chaos runs overlay the time series, and the app page
// renders from dist/module.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { readDashboards } from '../../preview/server/api.mjs';
import { envForFile, startPreviewEnv } from './env.mjs';
import { emptyPanelTitles, openPage, ROOT, screenshot, settled } from './harness.mjs';

const DASHBOARDS = readDashboards([path.join(ROOT, 'src', 'dashboards'), path.join(ROOT, 'tests', 'browser', 'fixtures', 'dashboards')]);
const VARIABLE = (text) => `data-testid Dashboard template variables Variable Value DropDown value link text ${text}`;

const ctx = envForFile(() => startPreviewEnv());

/** Panels Grafana shows on load: top-level ones and those of expanded rows. */
function visiblePanels(dashboard) {
  // Panels of a collapsed row live in row.panels; an expanded row's panels follow it at top level.
  return (dashboard.panels ?? []).filter((p) => p.type !== 'row');
}

async function open(url) {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}${url}`);
  await page.waitForLoadState('networkidle');
  await settled(page);
  return { page, watch };
}

/** Polls `check` until it holds or `timeoutMs` passes; returns whether it held. */
async function eventually(check, timeoutMs = 10000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (check()) {
      return true;
    }
  }
  return check();
}

async function queryErrors(page) {
  return page.evaluate(() => window.faultlinePreview.queryErrors);
}

for (const d of DASHBOARDS) {
  test(`dashboard "${d.title}" (${d.file}) loads, every panel renders, no console error`, async () => {
    assert.equal(d.error, undefined, d.error);
    const { page, watch } = await open(`/d/${d.uid}`);
    try {
      await page.getByTestId('preview-dashboard-title').waitFor();
      const expected = visiblePanels(d.dashboard);
      const panels = page.locator('[data-viz-panel-key]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-viz-panel-key]').length >= n, expected.length);
      assert.equal(await panels.count(), expected.length, 'one rendered panel per panel of the JSON');
      const failing = await page.getByTestId('data-testid Panel status error').count();
      assert.equal(failing, 0, `panels with a query error: ${JSON.stringify(await queryErrors(page))}`);
      const drawn = await page.waitForFunction(`(${emptyPanelTitles.toString()})().length === 0`, null, { timeout: 30000 }).then(
        () => true,
        () => false
      );
      assert.ok(drawn, `panels that drew nothing: ${(await page.evaluate(emptyPanelTitles)).join(', ')}`);
      await screenshot(page, `dashboard-${d.uid}`);
      assert.deepEqual(watch.problems, []);
    } finally {
      await page.close();
    }
  });
}

test('the dashboard list links every example dashboard', async () => {
  const { page, watch } = await open('/');
  try {
    await page.getByTestId('preview-dashboard-list').waitFor();
    for (const d of DASHBOARDS) {
      await page.getByRole('link', { name: d.title }).waitFor();
    }
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test('changing a variable re-runs the queries with the new value', async () => {
  const { page, watch } = await open('/d/preview-fixture');
  try {
    const asked = (service) =>
      watch.requests.some((r) => r.url().includes('/proxy/uid/faultline-prometheus/api/v1/query_range') && decodeURIComponent(r.url()).includes(`service="${service}"`));
    assert.ok(await eventually(() => asked('checkout')), 'first query asks for checkout');
    assert.ok(!asked('payments'));

    await page.getByTestId(VARIABLE('checkout')).click();
    await page.getByRole('option', { name: 'payments', exact: true }).click();

    assert.ok(await eventually(() => asked('payments')), 'the query was re-run for payments');
    assert.match(page.url(), /var-service=payments/);
    await page.getByText('Ownership of payments').waitFor();
    const ownership = page.locator('[data-viz-panel-key="panel-2"]');
    await ownership.getByText('team-payments').first().waitFor();
    const legend = await page.locator('[data-viz-panel-key="panel-3"]').innerText();
    assert.match(legend, /payments/);
    assert.doesNotMatch(legend, /checkout/);
    await screenshot(page, 'variable-payments');
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test('the time picker range reaches the queries', async () => {
  const { page, watch } = await open('/d/preview-fixture?from=now-1h&to=now');
  try {
    const spans = () =>
      watch.requests
        .map((r) => new URL(r.url()))
        .filter((u) => u.pathname.endsWith('/api/v1/query_range'))
        .map((u) => Number(u.searchParams.get('end')) - Number(u.searchParams.get('start')));
    assert.ok(await eventually(() => spans().length > 0));
    assert.ok(spans().every((s) => Math.abs(s - 3600) <= 1), `one hour asked: ${spans()}`);
    const before = spans().length;
    await page.getByRole('button', { name: /zoom out/i }).first().click();
    assert.ok(await eventually(() => spans().length > before), 'zooming out re-ran the queries');
    assert.ok(spans().slice(before).every((s) => s > 3600 * 1.5), `a wider range asked: ${spans().slice(before)}`);
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test('chaos runs of the selected service are drawn as regions on the time series', async () => {
  const { page, watch } = await open('/d/preview-fixture?var-service=checkout');
  try {
    const selector = '[data-viz-panel-key="panel-3"] [data-testid="preview-annotation"][data-region="true"]';
    const regions = page.locator(selector);
    // Regions are redrawn as the annotation layer and the series arrive: wait for the count to settle
    // (as long as the other pages' waits: on a loaded machine both queries can take a while).
    const settle = (n) => page.waitForFunction(([sel, want]) => document.querySelectorAll(sel).length === want, [selector, n], { timeout: 45000 }).catch(() => undefined);
    await settle(2);
    assert.equal(await regions.count(), 2, `two checkout runs in the journals; query errors: ${JSON.stringify(await queryErrors(page))}`);
    const titles = await regions.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(titles.every((t) => t.includes('checkout latency')), titles.join(' | '));
    const widths = await regions.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    assert.ok(widths.every((w) => w > 3), `a region spans the run, not a line: ${widths}`);

    await page.goto(`${ctx.env.preview.url}/d/preview-fixture?var-service=payments`);
    await page.waitForLoadState('networkidle');
    await settled(page);
    await settle(2);
    assert.equal(await regions.count(), 2, `two payments runs; query errors: ${JSON.stringify(await queryErrors(page))}`);
    const paymentTitles = await regions.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).sort());
    assert.match(paymentTitles.join(' | '), /payments 5xx burst.*\| .*payments latency 500ms/);
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test("a region's tooltip says what ran and its link opens the run in its backend", async () => {
  const { page, watch } = await open('/d/preview-fixture?var-service=payments');
  try {
    const selector = '[data-viz-panel-key="panel-3"] [data-testid="preview-annotation"][data-region="true"]';
    // The payments series and the annotation layer arrive separately: wait for the band itself.
    const region = page.locator(`${selector}[aria-label^="payments 5xx burst"]`);
    await region.waitFor({ timeout: 45000 });
    await region.click();
    const tooltip = page.getByTestId('preview-annotation-tooltip');
    await tooltip.waitFor();
    assert.equal(await tooltip.getAttribute('data-pinned'), 'true');
    const text = await tooltip.innerText();
    for (const want of ['payments 5xx burst', 'targets: payments', 'status: failed', 'verdict: deviated', 'source: Chaos Toolkit']) {
      assert.ok(text.includes(want), `tooltip says "${want}": ${text}`);
    }
    await screenshot(page, 'chaos-region-tooltip');

    const link = tooltip.getByRole('link', { name: 'Open run in Chaos Toolkit' });
    const href = await link.getAttribute('href');
    assert.equal(href, `${ctx.env.journalsServer.url}/journals/run-2.json`);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    const responses = new Map();
    page.context().on('response', (r) => responses.set(r.url(), r.status()));
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), href);
    assert.equal(responses.get(href), 200);
    const run = JSON.parse(await popup.locator('pre').first().textContent());
    assert.equal(run.experiment.title, 'payments 5xx burst');
    assert.equal(run.deviated, true);
    await popup.close();

    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

/** The app's pages as the built plugin.json lists them (`/a/%PLUGIN_ID%/…`), or its root. */
const APP = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'plugin.json'), 'utf8'));
const APP_PAGES = (APP.includes ?? [])
  .filter((i) => i.type === 'page' && /^\/a\/[^/]+\//.test(i.path ?? ''))
  .map((i) => ({ name: i.name, path: i.path.replace('%PLUGIN_ID%', APP.id) }));

for (const p of APP_PAGES.length ? APP_PAGES : [{ name: 'root', path: `/a/${APP.id}/` }]) {
  test(`app page "${p.name}" (${p.path}) renders from dist/module.js without console errors`, async () => {
    const { page, watch } = await open(p.path);
    try {
      const root = page.getByTestId('preview-app-root');
      await root.waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="preview-app-root"]').innerText.trim().length > 0);
      // The app's own scenes panels: each must draw something (text, canvas or svg).
      const emptyPanels = () => page.evaluate(emptyPanelTitles);
      // Judged when every panel has drawn once: a panel refreshing later may blank for a frame.
      const drawn = await page.waitForFunction(`(${emptyPanelTitles.toString()})().length === 0`, null, { timeout: 45000 }).then(
        () => true,
        () => false
      );
      await screenshot(page, `app${p.path.replace(/[^a-z0-9]+/gi, '-')}`);
      assert.ok(drawn, `app panels that drew nothing: ${(await emptyPanels()).join(', ')}`);
      assert.deepEqual(watch.problems, []);
    } finally {
      await page.close();
    }
  });
}
