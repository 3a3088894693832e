// The app's Catalog page and service page over catalog-info.yaml files (the data source's
// catalog-files backend, files served on loopback): a service without an owner, which Backstage would
// refuse, and a catalog entry with fields of several megabytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import YAML from 'yaml';
import { previewEnvForFile } from './env.mjs';
import { openPage, panelTable, screenshot, settled } from './harness.mjs';

const HUGE = 3 * 1024 * 1024;
// Ends on a word, not a space, which YAML would not keep.
const huge = (word) => `${`${word} `.repeat(Math.ceil(HUGE / (word.length + 1))).slice(0, HUGE - 1)}.`;

/** A catalog-info.yaml Component; `owner: undefined` leaves spec.owner out. */
function component(
  name,
  { owner, description = `The ${name} service`, lifecycle = 'production', annotations = {}, links = [] }
) {
  const spec = { type: 'service', lifecycle, system: 'shop', ...(owner ? { owner } : {}) };
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, description, annotations, links },
    spec,
  };
}

const ENTITIES = [
  component('checkout', { owner: 'team-checkout' }),
  component('payments', { owner: 'team-payments' }),
  // Everything a ready service has but an owner: by score it would sort last, yet it is the row
  // a "who owns it?" page is for.
  component('orphan', {
    annotations: { 'pagerduty.com/service-id': 'PORPHAN', 'github.com/project-slug': 'shop/orphan' },
    links: [{ url: 'https://runbooks.shop.example/orphan', title: 'Runbook', type: 'runbook' }],
  }),
  component('bloated', { owner: 'team-bloated', description: huge('description'), lifecycle: huge('lifecycle') }),
];
const FILE = ENTITIES.map((e) => YAML.stringify(e, { lineWidth: 0 })).join('---\n');

const ctx = previewEnvForFile({ catalogFiles: { '/catalog-info.yaml': FILE } });

/** The Services table: the cell of `column` in each row, as shown. */
async function serviceCells(page) {
  const { columns, rows } = await page.evaluate(panelTable, 'Services');
  return rows.map((r) => (column) => r.cells[columns.indexOf(column)]);
}

async function openCatalog() {
  const opened = await openPage(ctx.browser, `${ctx.env.preview.url}/a/faultline-app/catalog`);
  await opened.page.getByTestId('data-testid faultline-catalog').waitFor();
  await opened.page.locator('[role="cell"]', { hasText: 'checkout' }).first().waitFor({ timeout: 45000 });
  await settled(opened.page);
  return opened;
}

test('a service without an owner is listed under Team = All, first, marked "no owner"', async () => {
  const { page, watch } = await openCatalog();
  try {
    await screenshot(page, 'catalog-files-no-owner');
    assert.match(
      await page.getByTestId('data-testid template variable').filter({ hasText: 'Team' }).innerText(),
      /All/
    );
    const rows = await serviceCells(page);
    assert.deepEqual(rows.map((r) => r('service')).sort(), ['bloated', 'checkout', 'orphan', 'payments']);
    assert.equal(rows[0]('service'), 'orphan', `the owner-less service first: ${rows.map((r) => r('service'))}`);
    assert.equal(rows[0]('owner'), 'no owner');
    assert.ok(
      rows.slice(1).every((r) => r('owner') !== 'no owner'),
      'only the owner-less service is marked'
    );
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test('a field of 3 MB is cut with an ellipsis and its length, on the Catalog page and the service page', async () => {
  const { page, watch } = await openCatalog();
  try {
    const full = `… (${HUGE.toLocaleString('en')} characters)`;
    const bloated = (await serviceCells(page)).find((r) => r('service') === 'bloated');
    const lifecycle = bloated('lifecycle');
    assert.ok(
      lifecycle.startsWith('lifecycle lifecycle') && lifecycle.endsWith(full),
      `cut lifecycle: …${lifecycle.slice(-60)}`
    );
    assert.ok(lifecycle.length < 5000, `the cell holds ${lifecycle.length} characters`);
    await screenshot(page, 'catalog-files-huge-catalog');

    // Still usable: the search narrows the table.
    const search = page.getByPlaceholder('Enter value');
    await search.fill('bloated');
    await search.press('Enter');
    await page.waitForFunction(() => !document.body.innerText.includes('checkout'), null, { timeout: 45000 });
    await page.locator('a[href$="/service/default/bloated"]').first().click();
    await page.waitForURL(/\/a\/faultline-app\/service\/default\/bloated/);
    await page.getByTestId('data-testid faultline-service').waitFor();
    await page.waitForFunction((end) => document.body.innerText.includes(end), full, { timeout: 45000 });
    await settled(page);
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(text.length < 100000, `the service page holds ${text.length} characters of text`);
    const ownership = await page
      .locator('[data-viz-panel-key]', { has: page.locator('h2', { hasText: 'Ownership' }) })
      .first()
      .innerText();
    assert.ok(ownership.includes('team-bloated'), 'the owner is shown');
    assert.ok(!ownership.includes('Not in the catalog'), 'found in the catalog by namespace and name');
    const cut = (word) => ownership.match(new RegExp(`${word}[a-z ]*${full.replace(/[().]/g, '\\$&')}`))?.[0] ?? '';
    assert.ok(
      cut('description').length > 1000 && cut('description').length < 2100,
      `the description cut: ${cut('description').length} characters`
    );
    // Drawn as a badge beside the name: one short line, not two thousand characters.
    assert.ok(cut('lifecycle').length > 0 && cut('lifecycle').length < 80, `the lifecycle badge: ${cut('lifecycle')}`);
    await screenshot(page, 'catalog-files-huge-service');
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});
