// The measured impact of chaos runs on the experiments page, read from real backends: the demo's
// Backstage catalog, a Prometheus loaded with flow history, and Chaos Toolkit journals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envForFile, startBackstageEnv } from './env.mjs';
import { openPage, screenshot } from './harness.mjs';

const ctx = envForFile(() => startBackstageEnv());

test('the experiments page shows the measured impact table with a verdict per service and the run’s reach', async () => {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}/a/faultline-app/experiments`);
  try {
    await page.getByTestId('data-testid faultline-experiments').waitFor();
    await page.getByText('Measured impact', { exact: true }).first().waitFor({ timeout: 45000 });
    const verdict = page.locator('[role="cell"]', { hasText: /^(unaffected|degraded|broken|unknown)$/ }).first();
    await verdict.waitFor({ timeout: 60000 });
    await verdict.scrollIntoViewIfNeeded();
    await screenshot(page, 'impact-experiments');
    const reach = page.locator('[role="cell"]', { hasText: /^(contained|escaped|reach unknown|unknown)/ }).first();
    await reach.waitFor({ timeout: 10000 });
    assert.deepEqual(
      watch.problems.filter((p) => !/^request failed: .* net::ERR_ABORTED$/.test(p)),
      []
    );
  } finally {
    await page.close();
  }
});
