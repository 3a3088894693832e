// The app's menu as Grafana builds it (pkg/services/navtree/navtreeimpl/applinks.go, reproduced in
// preview/server/navtree.mjs): every page of the app is listed, Configuration only for admins, and
// a `defaultNav` page would leave the menu.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { appsNavTree } from '../../preview/server/navtree.mjs';
import { readBuiltPlugins } from '../../preview/server/plugins.mjs';
import { launchBrowser, openPage, ROOT, screenshot, startPreview } from './harness.mjs';

const APPS = [{ type: 'faultline-app', disabled: false }];
const menuOf = (plugins, role, apps = APPS) =>
  appsNavTree({ plugins, apps, role })[0]?.children.find((a) => a.pluginId === 'faultline-app');

let dir;
let browser;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-menu-'));
  mkdirSync(path.join(dir, 'plugins'));
  writeFileSync(
    path.join(dir, 'plugins', 'apps.yaml'),
    'apiVersion: 1\napps:\n  - type: faultline-app\n    disabled: false\n'
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a defaultNav page becomes the link of the app and leaves its children, as in Grafana', () => {
  const app = {
    id: 'some-app',
    type: 'app',
    name: 'Some',
    includes: [
      { type: 'page', name: 'Home', path: '/a/some-app/home', addToNav: true, defaultNav: true },
      { type: 'page', name: 'Other', path: '/a/some-app/other', addToNav: true },
      { type: 'page', name: 'Hidden', path: '/a/some-app/hidden' },
    ],
  };
  const [link] = appsNavTree({ plugins: [app], apps: [{ type: 'some-app' }], role: 'Viewer' })[0].children;
  assert.equal(link.url, '/a/some-app/home');
  assert.deepEqual(
    link.children.map((c) => c.text),
    ['Other']
  );
});

test('a disabled app, or one without menu pages, is not in the menu', () => {
  const plugins = readBuiltPlugins(path.join(ROOT, 'dist'));
  assert.equal(menuOf(plugins, 'Admin', [{ type: 'faultline-app', disabled: true }]), undefined);
  assert.equal(menuOf(plugins, 'Admin', []), undefined);
});

test('the built plugin.json keeps every page in the menu, Configuration for admins only', () => {
  const plugins = readBuiltPlugins(path.join(ROOT, 'dist'));
  const admin = menuOf(plugins, 'Admin');
  assert.equal(admin.url, '/a/faultline-app');
  assert.deepEqual(
    admin.children.map((c) => c.text),
    ['Catalog', 'Experiments', 'Flow map', 'Overlays', 'Configuration']
  );
  assert.deepEqual(
    menuOf(plugins, 'Viewer').children.map((c) => c.text),
    ['Catalog', 'Experiments', 'Flow map', 'Overlays']
  );
});

for (const [role, expected] of [
  ['Admin', ['Catalog', 'Experiments', 'Flow map', 'Overlays', 'Configuration']],
  ['Viewer', ['Catalog', 'Experiments', 'Flow map', 'Overlays']],
]) {
  test(`the preview's menu lists the app's pages for a ${role}, and its links open the pages`, async () => {
    const preview = await startPreview({ provisioningDir: dir, role });
    const { page, watch } = await openPage(browser, `${preview.url}/`);
    try {
      const pages = page.getByRole('list', { name: 'Faultline pages' });
      await pages.waitFor();
      assert.deepEqual(await pages.getByRole('link').allInnerTexts(), expected);
      assert.equal(await page.getByTestId('preview-app-menu-app').getAttribute('href'), '/a/faultline-app');
      await pages.getByRole('link', { name: 'Experiments' }).click();
      await page.waitForURL(/\/a\/faultline-app\/experiments$/);
      // No data source is provisioned here: the app says so instead of querying a uid that does not exist.
      await page.getByText('No Faultline data source').waitFor();
      await screenshot(page, `app-menu-${role.toLowerCase()}`);
      assert.deepEqual(watch.problems, []);
    } finally {
      await page.close();
      await preview.stop();
    }
  });
}
