// Every example dashboard, provisioned by docker-compose.yaml, loads in Grafana with every panel drawn
// and no panel or console error; imported into a Grafana whose Faultline data source has another uid,
// it queries that one. Screenshots land in test-results/.
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

  test(`dashboard "${d.title}" imported with no inputs queries a Faultline data source of another uid`, async ({ createDataSource, readProvisionedDataSource, gotoDashboardPage, page, consoleErrors }) => {
    const demo = await readProvisionedDataSource({ fileName: 'faultline.yaml', name: 'Faultline' });
    // Named to sort after "Faultline": other specs keep starting on the provisioned instance.
    const other = await createDataSource({ type: 'faultline-datasource', name: `Faultline (other uid) ${d.uid}`, uid: `other-${d.uid}`.slice(0, 40), jsonData: demo.jsonData, secureJsonData: demo.secureJsonData });
    // As Grafana's import page and an app's Dashboards tab import it: no inputs. A copy, since the
    // provisioned dashboard keeps its uid.
    const uid = `${d.uid}-import`.slice(0, 40);
    const imported = await page.request.post('/api/dashboards/import', { data: { dashboard: { ...d.json, id: null, uid }, overwrite: true, inputs: [] } });
    expect(imported.ok(), await imported.text()).toBe(true);
    const proxied = page.waitForRequest((r) => r.url().includes(`/api/datasources/proxy/uid/${other.uid}/`) || (r.url().includes('/api/ds/query') && (r.postData() ?? '').includes(other.uid)));
    const dashboardPage = await gotoDashboardPage({ uid, queryParams: new URLSearchParams({ 'var-faultline': other.uid }) });
    await proxied;
    await dashboardPage.waitForPanelsQueriesToComplete({ scrollAll: true });
    await expect(dashboardPage).not.toHavePanelErrors();
    expect(consoleErrors).toEqual([]);
    await page.request.delete(`/api/dashboards/uid/${uid}`);
  });
}
