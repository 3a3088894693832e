import { ROUTES } from '../../src/constants';
import { testIds } from '../../src/components/testIds';
import { expect, test } from './fixtures';

test.describe('Faultline app in a real Grafana', () => {
  test('home page renders', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    await expect(page.getByTestId(testIds.home.container)).toBeVisible();
  });

  test('config page offers the data source picker', async ({ appConfigPage, page }) => {
    await expect(appConfigPage.ctx.page.getByTestId(testIds.appConfig.datasource)).toBeVisible();
    await expect(page.getByTestId(testIds.appConfig.submit)).toBeVisible();
  });
});
