import { appPages, expect, test } from './fixtures';
import { testIds } from '../../src/components/testIds';

test.describe('Faultline app in a real Grafana', () => {
  for (const p of appPages()) {
    test(`page "${p.name}" renders without console errors`, async ({ gotoPage, page, consoleErrors }) => {
      await gotoPage(`/${p.path}`);
      await expect(page.locator('main, [data-testid="data-testid Page container"]').first()).not.toBeEmpty();
      expect(consoleErrors).toEqual([]);
    });
  }

  test('config page offers the data source picker', async ({ appConfigPage, page }) => {
    await expect(appConfigPage.ctx.page.getByTestId(testIds.appConfig.datasource)).toBeVisible();
    await expect(page.getByTestId(testIds.appConfig.submit)).toBeVisible();
  });
});
