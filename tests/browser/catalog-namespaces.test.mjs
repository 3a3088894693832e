// Two services of the same name in two Backstage namespaces (default/checkout, legacy/checkout),
// read from the real Backstage catalog backend (demo/backstage): the Catalog page tells them apart
// and each row leads to the page of its own service.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backstageEnvForFile } from './env.mjs';
import { openPage, panelTable, screenshot, settled } from './harness.mjs';

const SERVICES = [
  { namespace: 'default', owner: 'team-checkout' },
  { namespace: 'legacy', owner: 'team-legacy' },
];

function entities() {
  return SERVICES.flatMap(({ namespace, owner }) => [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { namespace, name: 'checkout', description: `checkout in ${namespace}` },
      spec: { type: 'service', lifecycle: 'production', owner: `group:default/${owner}`, system: 'shop' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: owner },
      spec: { type: 'team', children: [] },
    },
  ]);
}

const ctx = backstageEnvForFile('namespaces', entities());

test('same-named services in two namespaces: the Catalog shows the namespace and links to each one', async () => {
  const { page, watch } = await openPage(ctx.browser, `${ctx.env.preview.url}/a/faultline-app/catalog`);
  try {
    await page.getByTestId('data-testid faultline-catalog').waitFor();
    await page.locator('a[href$="/service/legacy/checkout"]').first().waitFor({ timeout: 45000 });
    await settled(page);
    await screenshot(page, 'catalog-namespaces');
    const { columns, rows } = await page.evaluate(panelTable, 'Services');
    assert.ok(columns.includes('namespace'), `a namespace column: ${columns}`);
    const seen = rows.map((r) => ({
      service: r.cells[columns.indexOf('service')],
      namespace: r.cells[columns.indexOf('namespace')],
      href: r.href,
    }));
    assert.deepEqual(
      seen.sort((a, b) => a.namespace.localeCompare(b.namespace)),
      SERVICES.map(({ namespace }) => ({
        service: 'checkout',
        namespace,
        href: `/a/faultline-app/service/${namespace}/checkout`,
      }))
    );

    for (const { namespace, owner } of SERVICES) {
      await page.goto(`${ctx.env.preview.url}/a/faultline-app/catalog`);
      await page.locator(`a[href="/a/faultline-app/service/${namespace}/checkout"]`).first().click();
      await page.waitForURL(new RegExp(`/a/faultline-app/service/${namespace}/checkout`));
      await page.getByTestId('data-testid faultline-service').waitFor();
      const ownership = page
        .locator('[data-viz-panel-key]', { has: page.locator('h2', { hasText: 'Ownership' }) })
        .first();
      await ownership.getByText(owner).first().waitFor({ timeout: 45000 });
      await settled(page);
      const text = await ownership.innerText();
      const other = SERVICES.find((s) => s.namespace !== namespace);
      assert.ok(text.includes(`checkout in ${namespace}`), `${namespace}: its own description`);
      assert.ok(!text.includes('Not in the catalog'), `${namespace}: found in the catalog by namespace and name`);
      assert.ok(!text.includes(other.owner), `${namespace}: not the owner of ${other.namespace}/checkout`);
      await screenshot(page, `catalog-namespaces-service-${namespace}`);
    }
    assert.deepEqual(
      watch.problems.filter((p) => !/^request failed: .* net::ERR_ABORTED$/.test(p)),
      []
    );
  } finally {
    await page.close();
  }
});
