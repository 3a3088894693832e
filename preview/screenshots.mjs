// Screenshots of every dashboard and app page of a running preview (`npm run demo`), for the README:
//   node preview/screenshots.mjs [http://127.0.0.1:3000]  → artifacts/screenshots/demo-*.png
import { launchBrowser, screenshot } from '../tests/browser/harness.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const dashboards = await (await fetch(`${base}/api/preview/dashboards`)).json();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1500 } });
  for (const { uid } of dashboards.filter((d) => !d.error)) {
    await page.goto(`${base}/d/${uid}`);
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('[aria-label="Panel loading bar"]'), null, { timeout: 20000 }).catch(() => undefined);
    console.log(await screenshot(page, `demo-${uid}`));
  }
  await page.goto(`${base}/a/faultline-app/`);
  await page.waitForLoadState('networkidle');
  console.log(await screenshot(page, 'demo-app'));
} finally {
  await browser.close();
}
