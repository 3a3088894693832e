// The data source settings page at /connections/datasources/edit/<uid>, as Grafana's: the settings
// API answers secrets only as secureJsonFields and merges the secrets a save sends; "Save & test"
// saves (PUT), then calls testDatasource() of a fresh instance and shows its answer. A URL set to a
// dead port fails the test with a message saying what to check; set back, the test succeeds.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { previewEnvForFile } from './env.mjs';
import { openPage, screenshot } from './harness.mjs';

const require = createRequire(import.meta.url);
const { freePort } = require('../../scripts/lib/processes.js');

const ALERT = '[data-testid="data-testid Data source settings page Alert"]';
const SAVE = 'data-testid Data source settings page Save and Test button';

const ctx = previewEnvForFile();

const api = (path, init) =>
  fetch(`${ctx.env.preview.url}${path}`, init).then(async (r) => ({ status: r.status, body: await r.json() }));
const put = (path, body) =>
  api(path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

test('the settings API keeps secrets write-only, merges them on save and refuses stale or read-only saves', async () => {
  const { status, body: ds } = await api('/api/datasources/uid/faultline-demo');
  assert.equal(status, 200);
  assert.deepEqual(ds.secureJsonFields, { backstageToken: true });
  assert.equal(ds.secureJsonData, undefined);
  assert.ok(!JSON.stringify(ds).includes(ctx.env.secret));

  // A save that names no secret keeps the stored one; the version moves on.
  const saved = await put('/api/datasources/uid/faultline-demo', {
    ...ds,
    jsonData: { ...ds.jsonData, cacheTtlSeconds: 30 },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.message, 'Datasource updated');
  assert.equal(saved.body.datasource.version, ds.version + 1);
  assert.deepEqual(saved.body.datasource.secureJsonFields, { backstageToken: true });
  const catalogCalls = ctx.env.catalog.requests.length;
  const probe = await fetch(
    `${ctx.env.preview.url}/api/datasources/proxy/uid/faultline-demo/backstage/api/catalog/entities/by-query`
  );
  assert.equal(probe.status, 200, 'the data proxy still sends the kept token');
  assert.equal(ctx.env.catalog.requests.length, catalogCalls + 1);

  // The version read before that save is stale now.
  const stale = await put('/api/datasources/uid/faultline-demo', ds);
  assert.deepEqual(stale, {
    status: 409,
    body: { message: 'Datasource has already been updated by someone else. Please reload and try again' },
  });
  // Reset (an empty value) clears a secret: it is no longer "configured".
  const reset = await put('/api/datasources/uid/faultline-demo', {
    ...saved.body.datasource,
    secureJsonData: { opslevelToken: '' },
  });
  assert.deepEqual(reset.body.datasource.secureJsonFields, { backstageToken: true });

  assert.deepEqual(await put('/api/datasources/uid/faultline-prometheus', { name: 'Prometheus', type: 'prometheus' }), {
    status: 403,
    body: { message: 'Cannot update read-only data source' },
  });
  assert.deepEqual(await put('/api/datasources/uid/nope', { name: 'x' }), {
    status: 404,
    body: { message: 'Data source not found' },
  });
  assert.deepEqual(await put('/api/datasources/uid/faultline-demo', '{not json'), {
    status: 400,
    body: { message: 'bad request data' },
  });
});

test('Save & test: secrets shown as configured, a dead URL fails with what to check, the fixed URL passes', async () => {
  // The data proxy answers 502 for the dead journals URL: those failures are the point of the test.
  const { page, watch } = await openPage(ctx.browser, undefined, {
    allow: ['/api/datasources/proxy/uid/faultline-demo/journals/'],
  });
  const seen = [];
  page.on('requestfinished', (req) =>
    seen.push(
      (async () => {
        const res = await req.response();
        return {
          url: req.url(),
          method: req.method(),
          post: req.postData() ?? '',
          body: (await res?.body().catch(() => Buffer.alloc(0)))?.toString('utf8') ?? '',
        };
      })().catch(() => null)
    )
  );
  try {
    await page.goto(`${ctx.env.preview.url}/connections/datasources/edit/faultline-demo`);
    await page.getByTestId('preview-datasource-settings').waitFor();
    const token = page.locator('#faultline-backstageToken');
    assert.equal(await token.inputValue(), 'configured');
    assert.equal(await token.isDisabled(), true);
    assert.ok(await page.getByRole('button', { name: 'Reset' }).first().isVisible());

    const journals = page.locator('#faultline-journalsUrl');
    const dead = `http://127.0.0.1:${await freePort()}`;
    await journals.fill(dead);
    await page.getByTestId(SAVE).click();
    const alert = page.locator(ALERT);
    await page.waitForFunction(
      (sel) =>
        /journal/i.test(document.querySelector(sel)?.textContent ?? '') &&
        !/Testing\.\.\./.test(document.querySelector(sel)?.textContent ?? ''),
      ALERT,
      { timeout: 30000 }
    );
    const failed = await alert.innerText();
    assert.equal(await alert.getAttribute('data-testid'), 'data-testid Data source settings page Alert');
    assert.match(failed, /journal/i, failed);
    assert.match(failed, /URL|reach|running/i, `the message says what to check: ${failed}`);
    assert.doesNotMatch(failed, /Next, you can start/);
    await screenshot(page, 'datasource-settings-error');

    const saved = await api('/api/datasources/uid/faultline-demo');
    assert.equal(saved.body.jsonData.journalsUrl, dead, 'the save happened before the test');

    await journals.fill(ctx.env.journalsServer.url);
    await page.getByTestId(SAVE).click();
    await page.waitForFunction(
      (sel) => /Next, you can start/.test(document.querySelector(sel)?.textContent ?? ''),
      ALERT,
      { timeout: 30000 }
    );
    const passed = await alert.innerText();
    assert.match(passed, /journal/i, passed);
    await screenshot(page, 'datasource-settings-success');

    // The test runs on a fresh instance built from the saved settings: without a Prometheus URL it
    // no longer probes Prometheus.
    assert.match(passed, /Prometheus/);
    await page.locator('#faultline-prometheusUrl').fill('');
    await page.getByTestId(SAVE).click();
    await page
      .waitForFunction(
        (sel) =>
          /Next, you can start/.test(document.querySelector(sel)?.textContent ?? '') &&
          !/Prometheus/.test(document.querySelector(sel)?.textContent ?? ''),
        ALERT,
        { timeout: 30000 }
      )
      .catch(() => undefined);
    assert.doesNotMatch(await alert.innerText(), /Prometheus/);

    // After each save the page read the settings back: the token is still only "configured".
    assert.equal(await token.inputValue(), 'configured');
    const exchanges = (await Promise.all(seen)).filter(Boolean);
    const puts = exchanges.filter((x) => x.method === 'PUT');
    assert.equal(puts.length, 3);
    assert.ok(
      exchanges.some((x) => x.url.endsWith('/api/frontend/settings')),
      'the instance settings were reloaded'
    );
    const leaks = exchanges
      .filter((x) => [x.url, x.post, x.body].join('\n').includes(ctx.env.secret))
      .map((x) => x.url);
    assert.deepEqual(leaks, [], 'no request or response of the page carries the secret');
    assert.ok(!(await page.content()).includes(ctx.env.secret));
    assert.deepEqual(watch.problems, [], 'nothing else failed');
  } finally {
    await page.close();
  }
});
