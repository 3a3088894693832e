// The chaos annotation layer runs through the Faultline data source (the data proxy's journals
// route) and its regions reach the time series panels.
import { expect, test } from './fixtures';

test('chaos runs are queried for the annotation layer of Service health', async ({ gotoDashboardPage, page, consoleErrors }) => {
  const journals = page.waitForResponse((r) => r.url().includes('/api/datasources/proxy/uid/faultline-demo/journals/') && r.ok());
  const dashboardPage = await gotoDashboardPage({ uid: 'faultline-service-health', timeRange: { from: 'now-6h', to: 'now' } });
  expect((await journals).status()).toBe(200);
  await dashboardPage.waitForPanelsQueriesToComplete();
  await expect(page.getByText('Chaos runs', { exact: false }).first()).toBeVisible();
  await expect(dashboardPage).not.toHavePanelErrors();
  expect(consoleErrors).toEqual([]);
});
