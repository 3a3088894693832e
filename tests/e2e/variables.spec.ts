// Changing a template variable re-runs the panel queries with the new value: Prometheus queries go
// through Grafana's /api/ds/query, Faultline queries through the data proxy.
import { expect, test } from './fixtures';

const SERVICE_HEALTH = 'faultline-service-health';
const variableValue = (text: string) => `data-testid Dashboard template variables Variable Value DropDown value link text ${text}`;

test('choosing another service re-runs the queries for it', async ({ gotoDashboardPage, page, consoleErrors }) => {
  const queries: string[] = [];
  page.on('request', (r) => r.url().includes('/api/ds/query') && queries.push(r.postData() ?? ''));
  const dashboardPage = await gotoDashboardPage({ uid: SERVICE_HEALTH, queryParams: new URLSearchParams({ 'var-service': 'checkout' }) });
  await dashboardPage.waitForPanelsQueriesToComplete();
  expect(queries.some((q) => q.includes('service=\\"checkout\\"'))).toBe(true);
  expect(queries.some((q) => q.includes('service=\\"payments\\"'))).toBe(false);

  await page.getByTestId(variableValue('checkout')).click();
  await page.getByRole('option', { name: 'payments', exact: true }).click();
  await expect.poll(() => queries.some((q) => q.includes('service=\\"payments\\"'))).toBe(true);
  await expect(page).toHaveURL(/var-service=payments/);
  await expect(dashboardPage).not.toHavePanelErrors();
  expect(consoleErrors).toEqual([]);
});
