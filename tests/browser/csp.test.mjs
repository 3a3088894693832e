// The flow map under Grafana's Content-Security-Policy (`[security] content_security_policy = true`),
// as the preview sends it (preview/server/csp.mjs): the default template, and the default template
// with `worker-src 'self'`, which an operator adds to refuse blob: workers. In both the map is laid
// out and drawn, and the page reports no error of the plugin's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GRAFANA_DEFAULT_CSP_TEMPLATE } from '../../preview/server/csp.mjs';
import { launchBrowser, openPage, paintedPixels, screenshot, startPreview } from './harness.mjs';

const PANEL = 'public/plugins/faultline-app/panels/flowgraph/module.js';
const str = (name, values) => ({ name, type: 'string', values, config: {} });
const CALLS = [
  ['web', 'checkout'],
  ['web', 'search'],
  ['checkout', 'payments'],
  ['payments', 'payments-db'],
];
const SERVICES = [...new Set(CALLS.flat())];
const FRAMES = [
  {
    name: 'nodes',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [str('id', SERVICES), str('title', SERVICES)],
  },
  {
    name: 'edges',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      str(
        'id',
        CALLS.map((c) => c.join('->'))
      ),
      ...['source', 'target'].map((name, end) =>
        str(
          name,
          CALLS.map((c) => c[end])
        )
      ),
    ],
  },
];
// The browser's own report of the refused worker: expected under the hardened policy, nothing else.
const REFUSED_WORKER =
  /Creating a worker from 'blob:.*violates the following Content Security Policy directive: "worker-src 'self'"/;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function layOutUnder(csp, name) {
  const preview = await startPreview({ csp });
  try {
    const { page, watch } = await openPage(browser, undefined, { viewport: { width: 1100, height: 700 } });
    const refused = [];
    page.on('console', (m) => REFUSED_WORKER.test(m.text()) && refused.push(m.text()));
    const res = await page.goto(`${preview.url}/smoke`);
    assert.match(
      res.headers()['content-security-policy'],
      /script-src 'self' 'unsafe-eval' 'unsafe-inline' 'strict-dynamic' 'nonce-/
    );
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
    const id = await page.evaluate(
      ([p, f]) => window.faultlineSmoke.renderPanel(p, f, { width: 900, height: 500 }),
      [PANEL, FRAMES]
    );
    const panel = page.getByTestId(id).last();
    const status = panel.getByTestId('faultline-flowgraph-summary');
    await page.waitForFunction((el) => el.getAttribute('data-engine') === 'layered', await status.elementHandle(), {
      timeout: 20_000,
    });
    assert.equal(await status.getAttribute('data-nodes'), String(SERVICES.length));
    assert.equal(await panel.getByTestId('faultline-flowgraph-notices').count(), 0, 'no notice for the user');
    const painted = await paintedPixels(panel.locator('canvas'));
    assert.ok(painted > 500, `pixels painted: ${painted}`);
    await screenshot(page, name);
    const problems = watch.problems.filter((p) => !REFUSED_WORKER.test(p));
    assert.deepEqual(problems, []);
    await page.close();
    return { refused: refused.length };
  } finally {
    await preview.stop();
  }
}

test("Grafana's default policy: the map is laid out and drawn", async () => {
  // 'strict-dynamic' lets a script that was allowed start a worker, so Chromium runs the Blob worker.
  await layOutUnder(true, 'csp-grafana-default');
});

test('a policy that refuses blob: workers: the layout runs on the main thread, without an error', async () => {
  const { refused } = await layOutUnder(`worker-src 'self';${GRAFANA_DEFAULT_CSP_TEMPLATE}`, 'csp-no-blob-workers');
  assert.equal(refused, 1, 'the browser refused the Blob worker once, and the map was still drawn');
});
