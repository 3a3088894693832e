// Dashboard settings → Annotations → "Chaos runs" → edit, wired as Grafana 12 wires it
// (StandardAnnotationQueryEditor: prepareAnnotation on mount and on every change, onChange when the
// result is another object, else the query runs): the Faultline editor settles, shows its result,
// and an edited field runs once more with the new filter. An editor that loops fails here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewEnvForFile } from './env.mjs';
import { openPage, screenshot } from './harness.mjs';

const RESULT = '[data-testid="data-testid annotations-query-result-container"]';

const ctx = previewEnvForFile();

const counts = (page) => page.evaluate(() => ({ ...window.faultlinePreview.annotationEditor }));
const delta = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - a[k]]));

/** The result line once the editor has stopped loading, or why it never showed. */
async function settledResult(page, expected) {
  await page
    .waitForFunction(
      ([sel, want]) => new RegExp(want).test(document.querySelector(sel)?.textContent ?? ''),
      [RESULT, expected.source],
      { timeout: 20000 }
    )
    .catch(() => undefined);
  return (
    (await page
      .locator(RESULT)
      .textContent()
      .catch(() => null)) ?? `no result; the page shows: ${(await page.locator('main').innerText()).slice(0, 400)}`
  );
}

test('the chaos annotation editor settles, shows its events and runs once per edited field', async () => {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}/d/faultline-service-health`);
  try {
    // Leaving the dashboard cancels its queries still in flight (as in Grafana): let them finish
    // first, until the run's region is drawn and no panel is loading.
    await page.locator('[data-testid="preview-annotation"]').first().waitFor({ timeout: 20000 });
    await page.waitForFunction(() => !document.querySelector('[aria-label="Panel loading bar"]'), null, { timeout: 20000 });
    await page.getByTestId('data-testid Dashboard settings button').click();
    const list = page.getByTestId('data-testid list-annotations');
    await list.waitFor();
    assert.deepEqual(await list.locator('tbody tr td:first-child').allInnerTexts(), [
      'Annotations & Alerts (Built-in)',
      'Chaos runs',
    ]);

    const start = await counts(page);
    await list.getByText('Chaos runs', { exact: true }).click();
    assert.match(new URL(page.url()).search, /editview=annotations&editIndex=1/);
    // $service is "payments" and the range the last 30 minutes: one payments run in the journals.
    assert.match(await settledResult(page, /1 events \(from \d+ fields\)/), /^Query result1 events \(from 9 fields\)/);
    // The shipped annotation is in shape: prepared once, not changed, queried once.
    assert.deepEqual(delta(start, await counts(page)), { prepareAnnotation: 1, onChange: 0, queries: 1 });

    const edit = await counts(page);
    // Checkout too: its run of 40 minutes ago lasted 12, so it reaches into the range.
    const service = page.getByPlaceholder('$service: runs that targeted it');
    await service.fill('payments,checkout');
    await service.press('Tab');
    assert.match(await settledResult(page, /2 events/), /^Query result2 events \(from 9 fields\)/);
    // Give a loop time to show itself before counting.
    await page.waitForTimeout(500);
    assert.deepEqual(delta(edit, await counts(page)), { prepareAnnotation: 1, onChange: 1, queries: 1 });
    await screenshot(page, 'annotation-settings-edit');

    await page.getByRole('button', { name: 'Back to list' }).click();
    await list.waitFor();
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});
