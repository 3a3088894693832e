// What the page may never see or do: a secret from secureJsonData (it reaches the backend only
// through the server-side data proxy), and markup or `javascript:` URLs from catalog or chaos data
// (they are shown as text, never run).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { component, SERVICES, startPreviewEnv } from './env.mjs';
import { journal } from './backends.mjs';
import { launchBrowser, openPage, screenshot } from './harness.mjs';

const PAGES = ['/', '/d/faultline-service-health?var-service=checkout', '/d/faultline-chaos-experiments', '/d/faultline-flow-map', '/d/preview-fixture', '/a/faultline-app/', '/connections/datasources/edit/faultline-demo'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function visit(env, url, onPage) {
  const { page, watch } = await openPage(browser);
  const exchanges = [];
  page.on('requestfinished', (req) => {
    // Read while the page is open; refreshes that finish after it closed are not judged.
    exchanges.push(
      (async () => {
        const res = await req.response();
        const [reqHeaders, resHeaders, body] = await Promise.all([req.allHeaders(), res?.allHeaders(), res?.body().catch(() => Buffer.alloc(0))]);
        return {
          url: req.url(),
          text: [req.url(), JSON.stringify(reqHeaders), req.postData() ?? '', JSON.stringify(resHeaders ?? {}), body?.toString('utf8') ?? ''].join('\n'),
        };
      })().catch(() => null)
    );
  });
  try {
    await page.goto(`${env.preview.url}${url}`);
    await page.waitForLoadState('networkidle');
    await onPage?.(page);
    await page.waitForLoadState('networkidle');
    return { page, watch, exchanges: (await Promise.all(exchanges)).filter(Boolean) };
  } catch (e) {
    await page.close();
    throw e;
  }
}

test('no request or response seen by the page carries a secret from secureJsonData', async () => {
  const env = await startPreviewEnv();
  try {
    const seen = [];
    for (const url of PAGES) {
      const { page, exchanges } = await visit(env, url, (p) =>
        // The health check calls every configured backend, the catalog with its token.
        p.evaluate(() => window.faultlinePreview.dataSources.get('faultline-demo').then((ds) => ds.testDatasource()))
      );
      seen.push(...exchanges, { url: `${url} (document)`, text: (await page.content()) + JSON.stringify(await page.evaluate(() => window.grafanaBootData)) });
      await page.close();
    }
    assert.ok(seen.length > 50, `the pages made requests (${seen.length})`);
    const leaks = seen.filter((x) => x.text.includes(env.secret)).map((x) => x.url);
    assert.deepEqual(leaks, [], 'the secret reached the page');
    const authorized = env.catalog.requests.filter((r) => r.headers.authorization === `Bearer ${env.secret}`);
    assert.ok(authorized.length > 0, 'the data proxy added the secret on its way to the catalog');
  } finally {
    await env.stop();
  }
});

const XSS = (tag) => `<img src=x onerror="window.__xss=(window.__xss||[]).concat('${tag}')">`;
const JS_URL = (tag) => `javascript:window.__xss=(window.__xss||[]).concat('${tag}')`;

test('markup and javascript: URLs from catalog and chaos data are shown as text and never run', async () => {
  const now = Date.now();
  const env = await startPreviewEnv({
    entities: SERVICES.map((s) =>
      s === 'checkout'
        ? component(s, {
            description: `Checkout ${XSS('catalog-description')}`,
            links: [
              { url: JS_URL('catalog-link'), title: `Runbook ${XSS('link-title')}`, type: 'runbook' },
              { url: JS_URL('catalog-chat'), title: 'Chat', type: 'chat' },
            ],
            annotations: { 'github.com/project-slug': `acme/${XSS('slug')}`, 'pagerduty.com/service-id': JS_URL('pagerduty') },
          })
        : component(s)
    ),
    journals: [
      journal({ title: `checkout ${XSS('journal-title')}`, service: 'checkout', startMs: now - 20 * 60000, minutes: 5, extraTags: [`team:${XSS('journal-tag')}`] }),
      journal({ title: 'payments latency', service: 'payments', startMs: now - 15 * 60000, minutes: 5 }),
    ],
  });
  let tooltipText = '';
  try {
    for (const url of PAGES) {
      const { page, watch } = await visit(env, url);
      const dialogs = [];
      page.on('dialog', (d) => dialogs.push(d.message()) && d.dismiss());
      const showsHostileData = url.startsWith('/d/faultline-chaos-experiments') || url.startsWith('/d/faultline-service-health');
      if (showsHostileData) {
        await page.waitForFunction(() => document.body.innerText.includes('<img src=x onerror='), null, { timeout: 20000 }).catch(() => undefined);
      }
      // Let every panel finish drawing the hostile rows before judging.
      await page.waitForFunction(() => !document.querySelector('[aria-label="Panel loading bar"]'), null, { timeout: 20000 }).catch(() => undefined);
      if (url.startsWith('/d/faultline-service-health')) {
        // A region's tooltip renders its title and text as HTML, as Grafana's does: open the hostile one.
        const hostile = page.locator('[data-testid="preview-annotation"][aria-label*="journal-title"]').first();
        await hostile.waitFor({ timeout: 20000 });
        await hostile.click();
        await page.getByTestId('preview-annotation-tooltip').waitFor();
        tooltipText = await page.getByTestId('preview-annotation-tooltip').innerText();
      }
      const verdict = await page.evaluate(() => ({
        ran: window.__xss ?? [],
        jsLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /^\s*javascript:/i.test(h)),
        injectedImages: document.querySelectorAll('img[src="x"]').length,
        shownAsText: document.body.innerText.includes('<img src=x onerror='),
      }));
      await screenshot(page, `security${url.replace(/[^a-z0-9]+/gi, '-')}`);
      await page.close();
      assert.deepEqual(verdict.ran, [], `${url}: injected script ran`);
      assert.deepEqual(verdict.jsLinks, [], `${url}: a javascript: URL became a link`);
      assert.equal(verdict.injectedImages, 0, `${url}: markup from data became an element`);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(watch.problems, [], url);
      if (showsHostileData) {
        assert.ok(verdict.shownAsText, `${url}: the hostile title is on the page, as text`);
      }
    }
    assert.match(tooltipText, /checkout <img src=x onerror=/, 'the hostile run name is in the tooltip, as text');
  } finally {
    await env.stop();
  }
});
