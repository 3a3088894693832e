// The example dashboards and the app's pages work with data sources of any uid, as they must in a
// Grafana whose data sources were not provisioned from provisioning/: here the Faultline data source
// is `other-uid`, Prometheus is `other-prometheus`, and the app is enabled with no data source chosen.
// A dashboard that names a uid which does not exist fails here as it fails in Grafana.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readDashboards } from '../../preview/server/api.mjs';
import { envForFile, startPreviewEnv } from './env.mjs';
import { emptyPanelTitles, openPage, ROOT, screenshot, settled } from './harness.mjs';

const UIDS = { faultline: 'other-uid', prometheus: 'other-prometheus' };
const DEMO_UIDS = ['faultline-demo', 'faultline-prometheus'];
const DASHBOARDS = readDashboards(path.join(ROOT, 'src', 'dashboards'));
// Page containers of src/components/testIds.ts (TypeScript, which node:test does not load).
const APP_PAGES = {
  catalog: 'data-testid faultline-catalog',
  experiments: 'data-testid faultline-experiments',
  'flow-map': 'data-testid faultline-flow-map',
};

const ctx = envForFile(() => startPreviewEnv({ uids: UIDS, app: { jsonData: {} } }));

async function open(url) {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}${url}`);
  await page.waitForLoadState('networkidle');
  await settled(page);
  return { page, watch };
}

const proxied = (watch, uid) => watch.requests.filter((r) => r.url().includes(`/api/datasources/proxy/uid/${uid}/`));

async function everyPanelDrawn(page) {
  return page.waitForFunction(`(${emptyPanelTitles.toString()})().length === 0`, null, { timeout: 45000 }).then(
    () => true,
    () => false
  );
}

for (const d of DASHBOARDS) {
  test(`dashboard "${d.title}" renders every panel with the data sources of another uid`, async () => {
    const { page, watch } = await open(`/d/${d.uid}`);
    try {
      await page.getByTestId('preview-dashboard-title').waitFor();
      const expected = (d.dashboard.panels ?? []).filter((p) => p.type !== 'row').length;
      await page.waitForFunction((n) => document.querySelectorAll('[data-viz-panel-key]').length >= n, expected);
      const errors = await page.getByTestId('data-testid Panel status error').count();
      assert.equal(
        errors,
        0,
        `panels with a query error: ${JSON.stringify(await page.evaluate(() => window.faultlinePreview.queryErrors))}`
      );
      assert.ok(
        await everyPanelDrawn(page),
        `panels that drew nothing: ${(await page.evaluate(emptyPanelTitles)).join(', ')}`
      );
      await screenshot(page, `other-uid-dashboard-${d.uid}`);
      assert.ok(proxied(watch, UIDS.faultline).length > 0, 'the Faultline data source of uid other-uid was queried');
      for (const uid of DEMO_UIDS) {
        assert.deepEqual(
          proxied(watch, uid).map((r) => r.url()),
          [],
          `nothing asked for ${uid}`
        );
      }
      assert.deepEqual(watch.problems, []);
    } finally {
      await page.close();
    }
  });
}

for (const [p, container] of Object.entries(APP_PAGES)) {
  test(`app page ${p} queries the first Faultline data source when the app config names none`, async () => {
    const { page, watch } = await open(`/a/faultline-app/${p}`);
    try {
      await page.getByTestId(container).waitFor();
      await page.locator('[data-viz-panel-key]').first().waitFor();
      assert.ok(
        await everyPanelDrawn(page),
        `app panels that drew nothing: ${(await page.evaluate(emptyPanelTitles)).join(', ')}`
      );
      assert.equal(await page.getByTestId('data-testid Panel status error').count(), 0, 'no panel shows a query error');
      await screenshot(page, `other-uid-app-${p}`);
      assert.ok(proxied(watch, UIDS.faultline).length > 0, 'the page queried other-uid');
      assert.deepEqual(
        proxied(watch, 'faultline-demo').map((r) => r.url()),
        []
      );
      assert.deepEqual(watch.problems, []);
    } finally {
      await page.close();
    }
  });
}

test('a dashboard that names a data source uid which does not exist fails, as in Grafana', async () => {
  // The browser tests' fixture dashboard names faultline-demo, which this Grafana does not have.
  const { page } = await open('/d/preview-fixture');
  try {
    await page.getByTestId('preview-dashboard-title').waitFor();
    const status = page.getByTestId('data-testid Panel status error').first();
    await status.waitFor({ timeout: 30000 });
    await status.hover();
    await page.getByText('Datasource faultline-demo was not found').first().waitFor();
  } finally {
    await page.close();
  }
});
