// The flow map dashboard (src/dashboards/flow-map.json) in the preview, against real data: a real
// Prometheus holding Beyla flow counters, a Backstage catalog API and Chaos Toolkit journals on
// loopback (tests/browser/env.mjs). The built flow graph panel must draw the demo estate, join
// owners and chaos runs, price cross-zone traffic, and let a keyboard user search and focus.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startPreviewEnv } from './env.mjs';
import { launchBrowser, openPage, paintedPixels, screenshot } from './harness.mjs';

let env;
let browser;
let page;
let watch;
let panel;
let status;

before(async () => {
  env = await startPreviewEnv();
  browser = await launchBrowser();
  ({ page, watch } = await openPage(browser, undefined, { viewport: { width: 1400, height: 1400 } }));
  await page.goto(`${env.preview.url}/d/faultline-flow-map`);
  panel = page.getByTestId('faultline-flowgraph').first();
  status = panel.getByTestId('faultline-flowgraph-summary');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="faultline-flowgraph-summary"]')?.dataset.engine,
    null,
    { timeout: 60_000 }
  );
});

after(async () => {
  await browser?.close();
  await env?.stop();
});

test('draws the demo estate from Prometheus flows, with owners from the catalog', async () => {
  assert.equal(await status.getAttribute('data-total-nodes'), '5');
  assert.equal(await status.getAttribute('data-edges'), '4');
  assert.equal(await status.getAttribute('data-engine'), 'layered');
  const legend = await panel.getByTestId('faultline-flowgraph-legend').innerText();
  for (const team of ['team-frontend', 'team-checkout', 'team-payments', 'team-inventory', 'team-shipping']) {
    assert.ok(legend.includes(team), `legend names ${team} (owner joined from Backstage): ${legend}`);
  }
  const painted = await paintedPixels(panel.locator('canvas'));
  assert.ok(painted > 500, `pixels painted: ${painted}`);
  await screenshot(page, 'flowgraph-demo-dashboard');
});

test('shows the blast radius of the chaos run in the range', async () => {
  assert.equal(await status.getAttribute('data-overlay'), 'chaos');
  const [targets, upstream] = (await status.getAttribute('data-chaos')).split('/').map(Number);
  assert.equal(targets, 1, 'one service is the target of a run in the last 15 minutes');
  assert.ok(upstream >= 1, 'its caller is upstream');
  assert.match(await panel.getByTestId('faultline-flowgraph-legend').innerText(), /chaos target \(1\)/);
});

test('a keyboard user searches, focuses and opens the service page link', async () => {
  await panel.getByLabel('Search nodes').fill('checkout');
  assert.equal(await status.getAttribute('data-matches'), '1');
  const map = panel.getByRole('application', { name: 'Service flow map' });
  await map.focus();
  await map.press('n');
  await map.press('c');
  assert.equal(await status.getAttribute('data-focused'), 'checkout');
  // checkout calls payments, inventory and shipping and is called by frontend: all within one hop
  assert.equal(await status.getAttribute('data-nodes'), '5');
  await panel.getByLabel('Search nodes').fill('shipping');
  await map.press('Escape');
  await map.press('n');
  await map.press('c');
  assert.equal(await status.getAttribute('data-focused'), 'shipping');
  assert.equal(await status.getAttribute('data-nodes'), '2');
  await map.press('Enter');
  assert.equal(
    await page.getByRole('menuitem', { name: 'Service page' }).getAttribute('href'),
    '/a/faultline-app/service/default/shipping'
  );
  await page.keyboard.press('Escape');
  await map.press('Escape');
  assert.equal(await status.getAttribute('data-focused'), '');
  assert.equal(await status.getAttribute('data-nodes'), '5');
});

test('groups the estate by owner team', async () => {
  await panel.getByRole('radio', { name: 'Team' }).check({ force: true });
  assert.equal(await status.getAttribute('data-groups'), '5');
});

test('no console error, uncaught exception or failed request', () => {
  assert.deepEqual(watch.problems, []);
});
