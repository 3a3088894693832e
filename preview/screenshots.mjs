// Screenshots of every dashboard and app page of a running preview (`npm run demo`), for the README:
//   node preview/screenshots.mjs [http://127.0.0.1:3000] [--from now-30m] [--pin <service>:<run title part>]
//     → artifacts/screenshots/demo-*.png
// `--from` sets the dashboards' time range (to now). `--pin checkout:tolerates` adds
// demo-service-health-pinned.png: service health of checkout at 1400×1100 with the tooltip of its first
// chaos run whose title contains "tolerates" pinned on the CPU panel, so it covers neither the
// request, error nor latency graph (the tooltip opens below the band: pick a run whose tooltip fits).
import { launchBrowser, screenshot, watchPage } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const base = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'http://127.0.0.1:3000';
const from = option('--from');
const pin = option('--pin');
const range = from ? `from=${encodeURIComponent(from)}&to=now` : '';

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('[aria-label="Panel loading bar"]'), null, { timeout: 20000 })
    .catch(() => undefined);
}

async function pinnedServiceHealth(browser, service, titlePart) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const watch = watchPage(page);
  await page.goto(
    `${base}/d/faultline-service-health?var-service=${encodeURIComponent(service)}${range ? `&${range}` : ''}`
  );
  await settle(page);
  const regions = page.locator('[data-viz-panel-key="panel-6"] [data-testid="preview-annotation"][data-region="true"]');
  const match = regions.and(page.locator(`[aria-label*=${JSON.stringify(titlePart)}]`)).first();
  await match.waitFor({ timeout: 45000 });
  console.log(
    `regions on the CPU panel: ${(await regions.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).join(' | ')}`
  );
  await match.click();
  await page.getByTestId('preview-annotation-tooltip').waitFor();
  console.log(await screenshot(page, 'demo-service-health-pinned'));
  for (const problem of watch.problems) {
    console.log(`  problem: ${problem}`);
  }
  await page.close();
}

const dashboards = await (await fetch(`${base}/api/preview/dashboards`)).json();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1500 } });
  for (const { uid } of dashboards.filter((d) => !d.error)) {
    await page.goto(`${base}/d/${uid}${range ? `?${range}` : ''}`);
    await settle(page);
    console.log(await screenshot(page, `demo-${uid}`));
  }
  await page.goto(`${base}/a/faultline-app/`);
  await page.waitForLoadState('networkidle');
  console.log(await screenshot(page, 'demo-app'));
  if (pin) {
    const [service, titlePart] = pin.split(':');
    await pinnedServiceHealth(browser, service, titlePart ?? '');
  }
} finally {
  await browser.close();
}
