// Following the app as a user does, by clicks only: from the catalog to a service page, from one of
// its chaos runs to the experiments page at the time of that run, and from there to the flow map at
// that time. Each page reads real backends: the demo's Backstage catalog (demo/backstage), a
// Prometheus loaded with flow history, and Chaos Toolkit journals.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { envForFile, startBackstageEnv } from './env.mjs';
import { openPage, screenshot } from './harness.mjs';

const ctx = envForFile(() => startBackstageEnv());

const RUN = 'checkout latency 1s';

/** Clicks a run's row in a runs table, then one of the links Grafana's table offers for it. */
async function followRunLink(page, linkTitle) {
  const cell = page.locator('[role="cell"]', { hasText: RUN }).first();
  await cell.waitFor({ timeout: 45000 });
  await cell.click();
  await page.getByRole('link', { name: linkTitle }).click();
}

/** The page's time range in epoch ms; the links give epoch ms, and the page may rewrite them as ISO dates. */
function rangeOf(url) {
  const q = new URL(url).searchParams;
  const ms = (v) => (/^\d+$/.test(v ?? '') ? Number(v) : Date.parse(v));
  return { from: ms(q.get('from')), to: ms(q.get('to')) };
}

function texts(locator) {
  return locator.evaluateAll((els) => els.map((e) => e.textContent.trim()));
}

test('catalog → service → the run on the experiments page → the flow map at the time of the run', async () => {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}/a/faultline-app/catalog`);
  try {
    await page.getByTestId('data-testid faultline-catalog').waitFor();
    // The demo catalog has 43 services: find checkout with the page's search box, as a user would.
    // The page's one text box variable ("Search"), which applies on Enter.
    const search = page.getByPlaceholder('Enter value');
    await search.fill('checkout');
    await search.press('Enter');
    const serviceLink = page.locator('a[href$="/service/default/checkout"]').first();
    await serviceLink.waitFor({ timeout: 45000 });
    await serviceLink.click();
    await page.waitForURL(/\/a\/faultline-app\/service\/default\/checkout/);
    await page.getByTestId('data-testid faultline-service').waitFor();
    // The owner and the runbook from the demo catalog.
    await page.waitForFunction(() => document.body.innerText.includes('team-checkout'), null, { timeout: 45000 });
    assert.equal(await page.locator('a[href="https://runbooks.shop.example/checkout"]').count() > 0, true, 'the runbook link from Backstage');
    await screenshot(page, 'app-nav-service-checkout');

    await followRunLink(page, 'Blast radius on the experiments page');
    await page.waitForURL(/\/a\/faultline-app\/experiments\?from=\d+&to=\d+/);
    await page.getByTestId('data-testid faultline-experiments').waitFor();
    const window = rangeOf(page.url());
    // The journal's run started 40 minutes before the environment did and lasted 12 minutes.
    const started = Date.now() - 40 * 60000;
    assert.ok(window.from < started && window.to > started + 12 * 60000 - 60000, `the range holds the run: ${JSON.stringify(window)}`);
    assert.ok(window.to - window.from < 60 * 60000, 'the range is the run with a margin, not the last hours');
    // Only the runs of that window: the other checkout run, two hours earlier, is not listed. Read in the
    // Runs table alone: the page's Measured impact table names the run on each of its rows too.
    const runsPanel = page.locator('[data-viz-panel-key]', { has: page.locator('h2', { hasText: /^Runs$/ }) });
    const runCells = runsPanel.locator('[role="cell"]', { hasText: /^(checkout|payments) (latency|5xx)/ });
    await runsPanel.locator('[role="cell"]', { hasText: RUN }).first().waitFor({ timeout: 45000 });
    assert.deepEqual(await texts(runCells), [RUN]);
    await screenshot(page, 'app-nav-experiments-window');

    await followRunLink(page, 'Flow map at the time of the run');
    await page.waitForURL(/\/a\/faultline-app\/flow-map\?from=\d+&to=\d+/);
    assert.deepEqual(rangeOf(page.url()), window, 'the flow map opens at the same time range');
    await page.getByTestId('data-testid faultline-flow-map').waitFor();
    const summary = page.getByTestId('faultline-flowgraph-summary').first();
    await page.waitForFunction(() => document.querySelector('[data-testid="faultline-flowgraph-summary"]')?.dataset.engine, null, { timeout: 60000 });
    // The estate from the Prometheus flow counters, and checkout marked as the target of that run.
    assert.equal(await summary.getAttribute('data-total-nodes'), '5');
    assert.equal((await summary.getAttribute('data-chaos')).split('/')[0], '1');
    // Grouped by the owning team from the demo catalog (Backstage namespace "default", workloads in
    // "shop"): storefront, checkout, payments, and fulfilment for inventory and shipping.
    assert.equal(await summary.getAttribute('data-groups'), '4');
    await screenshot(page, 'app-nav-flow-map');
    // Leaving a page cancels its queries still in flight: an aborted request is that, not a failure.
    assert.deepEqual(
      watch.problems.filter((p) => !/^request failed: .* net::ERR_ABORTED$/.test(p)),
      []
    );
  } finally {
    await page.close();
  }
});

test("a run's backend link opens its journal", async () => {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}/a/faultline-app/experiments`);
  try {
    await page.getByTestId('data-testid faultline-experiments').waitFor();
    const [popup] = await Promise.all([page.waitForEvent('popup'), followRunLink(page, 'Open run in its backend')]);
    await popup.waitForLoadState();
    assert.match(popup.url(), new RegExp(`^${ctx.env.journalsServer.url}/journals/run-\\d\\.json$`));
    const journal = JSON.parse(await popup.locator('pre').first().textContent());
    assert.equal(journal.experiment.title, RUN);
    await popup.close();
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});
