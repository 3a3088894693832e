// The app's links in Grafana's own panel menu (docker-compose.yaml provisions the example dashboards
// and the demo catalog): "Who owns checkout?" in a panel's Extensions submenu leads to the service
// page; "Chaos runs in this range" to the experiments page narrowed to the service and time range.
// The same scenarios run against the preview in tests/browser/panel-menu-links.test.mjs.
import type { DashboardPage, DashboardPageArgs } from '@grafana/plugin-e2e';
import { expect, test } from './fixtures';

type GotoDashboard = (args: DashboardPageArgs) => Promise<DashboardPage>;

const PANEL = 'Requests of checkout';

/** Service health for checkout over `from`, then an item of the panel's Extensions submenu. */
async function followExtension(gotoDashboardPage: GotoDashboard, from: string, item: string) {
  const dashboard = await gotoDashboardPage({
    uid: 'faultline-service-health',
    queryParams: new URLSearchParams({ 'var-service': 'checkout', from, to: 'now' }),
  });
  const panel = dashboard.getPanelByTitle(PANEL);
  await panel.scrollIntoView();
  await panel.clickOnMenuItem(item, { parentItem: 'Extensions' });
}

test('a panel menu offers "Who owns checkout?" and leads to the service page', async ({ gotoDashboardPage, page }) => {
  await followExtension(gotoDashboardPage, 'now-6h', 'Who owns checkout?');
  await expect(page).toHaveURL(/\/a\/faultline-app\/service\/checkout\?uel_pid=faultline-app/);
  await expect(page.getByTestId('data-testid faultline-service')).toBeVisible();
  await expect(page.getByText('team-checkout').first()).toBeVisible({ timeout: 45000 });
});

test('"Chaos runs in this range" opens the experiments page for the service and the time range', async ({
  gotoDashboardPage,
  page,
}) => {
  await followExtension(gotoDashboardPage, 'now-3h', 'Chaos runs in this range');
  await expect(page).toHaveURL(/\/a\/faultline-app\/experiments\?.*from=now-3h.*var-service=checkout/);
  await expect(page.getByTestId('data-testid faultline-experiments')).toBeVisible();
});

test('a panel whose series name no service offers no Faultline link', async ({ gotoDashboardPage, page }) => {
  const dashboard = await gotoDashboardPage({ uid: 'faultline-flow-map' });
  const panel = dashboard.getPanelByTitle('Costliest cross-zone edges');
  await panel.scrollIntoView();
  await panel.locator.hover();
  await panel
    .getByGrafanaSelector(dashboard.ctx.selectors.components.Panels.Panel.menu(''), { startsWith: true })
    .click({ force: true });
  await expect(page.getByRole('menuitem', { name: /^Who owns / })).toHaveCount(0);
});
