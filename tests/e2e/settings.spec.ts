// The two settings screens in a real Grafana: dashboard settings → Annotations → "Chaos runs" (the
// Faultline annotation editor inside Grafana's StandardAnnotationQueryEditor must settle and show
// its result), and the Faultline data source page (secrets only "configured"; Save & test fails on a
// dead URL with what to check and succeeds once it is fixed).
import { expect, test } from './fixtures';

test('the chaos annotation editor settles and shows its result, also after an edited field', async ({
  gotoAnnotationEditPage,
  page,
  selectors,
  consoleErrors,
}) => {
  const proxied: string[] = [];
  page.on('request', (r) => r.url().includes('/api/datasources/proxy/uid/') && proxied.push(r.url()));
  // Index 0 is the built-in "Annotations & Alerts"; 1 is "Chaos runs".
  const annotationPage = await gotoAnnotationEditPage({ dashboard: { uid: 'faultline-service-health' }, id: '1' });
  const result = annotationPage.getByGrafanaSelector(selectors.components.Annotations.editor.resultContainer);
  await expect(result).toContainText(/\d+ events \(from \d+ fields\)|No events found/);

  const service = page.getByPlaceholder('$service: runs that targeted it');
  await service.fill('payments,checkout');
  await service.press('Tab');
  await expect(result).toContainText(/\d+ events \(from \d+ fields\)|No events found/);
  // Settled: nothing more is queried once the result is shown (a looping editor never stops).
  const after = proxied.length;
  await page.waitForTimeout(2000);
  expect(proxied.length).toBe(after);
  expect(proxied.length).toBeLessThan(20);
  expect(consoleErrors).toEqual([]);
});

test('Save & test on the Faultline data source: a dead URL says what to check, the fixed one passes', async ({
  readProvisionedDataSource,
  gotoDataSourceConfigPage,
  page,
  selectors,
}) => {
  const provisioned = await readProvisionedDataSource<Record<string, unknown>, Record<string, string>>({
    fileName: 'faultline.yaml',
    name: 'Faultline',
  });
  const secrets = Object.values(provisioned.secureJsonData ?? {});
  const bodies: string[] = [];
  page.on('requestfinished', async (req) =>
    bodies.push([req.postData() ?? '', (await (await req.response())?.text().catch(() => '')) ?? ''].join('\n'))
  );

  const configPage = await gotoDataSourceConfigPage(provisioned.uid);
  await expect(page.locator('#faultline-backstageToken')).toHaveValue('configured');

  const journals = page.locator('#faultline-journalsUrl');
  const original = await journals.inputValue();
  try {
    // Nothing listens on the discard port: the data proxy answers 502.
    await journals.fill('http://127.0.0.1:9');
    await configPage.getByGrafanaSelector(selectors.pages.DataSource.saveAndTest).click();
    await expect(configPage).toHaveAlert('error', { hasText: /journal/i });
  } finally {
    await journals.fill(original);
    await configPage.getByGrafanaSelector(selectors.pages.DataSource.saveAndTest).click();
  }
  await expect(configPage).toHaveAlert('success', { hasText: /journal/i });
  await expect(page.locator('#faultline-backstageToken')).toHaveValue('configured');
  expect(secrets.length).toBeGreaterThan(0);
  expect(bodies.filter((b) => secrets.some((s) => b.includes(s)))).toEqual([]);
});
