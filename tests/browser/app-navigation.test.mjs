// Following the app as a user does: a click from the catalog to a service page, then the experiments
// and flow map pages, each reading values the backends of the test environment serve (catalog,
// journals, Prometheus).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startPreviewEnv } from './env.mjs';
import { launchBrowser, screenshot, watchPage } from './harness.mjs';

let env;
let browser;

before(async () => {
  env = await startPreviewEnv();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await env?.stop();
});

test('catalog → service by click, then experiments and flow map, each page reading real values', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1500 } });
  const watch = watchPage(page);
  try {
    await page.goto(`${env.preview.url}/a/faultline-app/catalog`);
    await page.getByTestId('data-testid faultline-catalog').waitFor();
    const serviceLink = page.locator('a[href*="/service/checkout"]').first();
    await serviceLink.waitFor({ timeout: 45000 });
    await serviceLink.click();
    await page.waitForURL(/\/a\/faultline-app\/service\/checkout/);
    const service = page.getByTestId('data-testid faultline-service');
    await service.waitFor();
    // The owner from the catalog and the runs from the journals that targeted checkout.
    await page.waitForFunction(() => document.body.innerText.includes('team-checkout'), null, { timeout: 45000 });
    await page.waitForFunction(() => document.body.innerText.includes('checkout latency 1s'), null, { timeout: 45000 });
    await screenshot(page, 'app-nav-service-checkout');

    // The table stand-in draws no data links yet, so the run's links are not followed here: the
    // pages they lead to are opened directly and must read the same runs and flows.
    await page.goto(`${env.preview.url}/a/faultline-app/experiments`);
    await page.getByTestId('data-testid faultline-experiments').waitFor();
    await page.waitForFunction(() => document.body.innerText.includes('payments 5xx burst'), null, { timeout: 45000 });

    await page.goto(`${env.preview.url}/a/faultline-app/flow-map`);
    await page.getByTestId('data-testid faultline-flow-map').waitFor();
    await page.waitForSelector('[data-testid="faultline-flowgraph-canvas"], canvas', { timeout: 45000 });
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
