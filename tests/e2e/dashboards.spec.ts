// Every example dashboard, provisioned by docker-compose.yaml, loads in Grafana with every panel drawn
// and no panel or console error. Screenshots land in test-results/.
import { exampleDashboards, expect, test } from './fixtures';

for (const d of exampleDashboards()) {
  test(`dashboard "${d.title}" (${d.file}) renders every panel`, async ({ gotoDashboardPage, page, consoleErrors }, testInfo) => {
    const dashboardPage = await gotoDashboardPage({ uid: d.uid });
    await dashboardPage.waitForPanelsQueriesToComplete({ scrollAll: true });
    for (const panel of d.panels) {
      const p = dashboardPage.getPanelById(String(panel.id));
      await p.scrollIntoView();
      await expect(p.locator, `panel ${panel.id} "${panel.title}"`).toBeVisible();
      await expect(p.getErrorIcon(), `panel ${panel.id} "${panel.title}" has an error`).toHaveCount(0);
    }
    await expect(dashboardPage).not.toHavePanelErrors();
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${d.uid}.png`), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
}
