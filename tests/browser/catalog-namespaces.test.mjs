// Two services of the same name in two Backstage namespaces (default/checkout, legacy/checkout),
// read from the real Backstage catalog backend (demo/backstage): the Catalog page tells them apart
// and each row leads to the page of its own service.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import YAML from 'yaml';
import { startBackstageEnv } from './env.mjs';
import { launchBrowser, openPage, screenshot, settled } from './harness.mjs';

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

let dir;
let env;
let browser;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-namespaces-catalog-'));
  const catalogFile = path.join(dir, 'namespaces.yaml');
  writeFileSync(
    catalogFile,
    entities()
      .map((e) => YAML.stringify(e))
      .join('---\n')
  );
  const config = path.join(dir, 'namespaces-config.yaml');
  writeFileSync(config, YAML.stringify({ catalog: { locations: [{ type: 'file', target: catalogFile }] } }));
  env = await startBackstageEnv({
    configs: [config],
    expectComponents: SERVICES.length,
    expectPeople: SERVICES.length,
    stateDir: dir,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await env?.stop();
  if (dir) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The Services table: column names and the rows as visible cell texts with the row's service link. */
function servicesTable(page) {
  return page.evaluate(() => {
    const panel = [...document.querySelectorAll('[data-viz-panel-key]')].find(
      (p) => p.querySelector('h2')?.textContent === 'Services'
    );
    const columns = [...panel.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent.trim());
    const rows = [...panel.querySelectorAll('[role="row"]')]
      .filter((r) => r.querySelector('[role="cell"]'))
      .map((r) => ({
        cells: [...r.querySelectorAll('[role="cell"]')].map((c) => c.textContent.trim()),
        href: r.querySelector('a[href]')?.getAttribute('href'),
      }));
    return { columns, rows };
  });
}

test('same-named services in two namespaces: the Catalog shows the namespace and links to each one', async () => {
  const { page, watch } = await openPage(browser, `${env.preview.url}/a/faultline-app/catalog`);
  try {
    await page.getByTestId('data-testid faultline-catalog').waitFor();
    await page.locator('a[href$="/service/legacy/checkout"]').first().waitFor({ timeout: 45000 });
    await settled(page);
    await screenshot(page, 'catalog-namespaces');
    const { columns, rows } = await servicesTable(page);
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
      await page.goto(`${env.preview.url}/a/faultline-app/catalog`);
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
