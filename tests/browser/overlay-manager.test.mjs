// The overlay manager on three dashboards, through the preview's dashboard API (Grafana's
// semantics: versions, 412 on a concurrent save, canEdit, provisioned dashboards refused): add the
// chaos annotation, add it again (nothing changes), a concurrent edit that ends in the conflict
// path and its retry, remove what the page added (and only that), and a dashboard deleted while
// the page is open.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, ROOT, screenshot, startPreview } from './harness.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'browser', 'fixtures', 'overlays');
const THREE = ['overlay-checkout', 'overlay-legacy', 'overlay-staging'];
const SERVICE = 'shop/<b>checkout</b>';

let preview;
let browser;

before(async () => {
  // An Editor who may only view one of the boards (Grafana's per-dashboard permission).
  preview = await startPreview({
    extraDashboardsDir: FIXTURES,
    role: 'Editor',
    dashboardPermissions: { 'overlay-readonly': 'View' },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await preview?.stop();
});

async function api(method, url, body) {
  const res = await fetch(`${preview.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const stored = async (uid) => (await api('GET', `/api/dashboards/uid/${uid}`)).body.dashboard;
const row = (page, uid) => page.getByTestId(`data-testid faultline-overlays-row-${uid}`);
const outcome = (page, uid) => row(page, uid).getByTestId('overlay-outcome');
const click = (page, action, overlay) =>
  page.getByTestId(`data-testid faultline-overlays-${action}-${overlay}`).click();

/** Waits until every listed row shows an outcome of this round (the text changes). */
async function outcomes(page, uids, before) {
  for (const uid of uids) {
    await page.waitForFunction(
      ([sel, prev]) => {
        const el = document.querySelector(`[data-testid="${sel}"] [data-testid="overlay-outcome"]`);
        return el && el.textContent !== prev && el.dataset.kind !== '' && el.dataset.kind !== 'locked';
      },
      [`data-testid faultline-overlays-row-${uid}`, before[uid]],
      { timeout: 20000 }
    );
  }
  // Buttons come back when the round is over.
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="data-testid faultline-overlays-add-chaos"]').disabled,
    null,
    { timeout: 20000 }
  );
  return Object.fromEntries(
    await Promise.all(
      uids.map(async (u) => [
        u,
        { kind: await outcome(page, u).getAttribute('data-kind'), text: (await outcome(page, u).textContent()).trim() },
      ])
    )
  );
}

const texts = async (page, uids) =>
  Object.fromEntries(await Promise.all(uids.map(async (u) => [u, (await outcome(page, u).textContent()).trim()])));

test('overlay manager: add, add again, a concurrent edit, remove, and a dashboard deleted meanwhile', async () => {
  const original = Object.fromEntries(await Promise.all(THREE.map(async (u) => [u, await stored(u)])));
  // The 412 of a concurrent save is the scenario, not a failure; so is the 404 of the deleted board.
  const { page, watch } = await openPage(browser, `${preview.url}/a/faultline-app/overlays`, {
    allow: ['/api/dashboards/db', 'sync-slash.svg'],
  });
  try {
    await row(page, 'overlay-checkout').waitFor({ timeout: 45000 });
    // What cannot be changed says why: a view-only board and the provisioned examples.
    assert.equal(await row(page, 'overlay-readonly').getAttribute('data-locked'), 'true');
    assert.match(await outcome(page, 'overlay-readonly').textContent(), /may view this dashboard but not edit it/);
    assert.match(await outcome(page, 'faultline-service-health').textContent(), /provisioned from a file/);
    assert.equal(await row(page, 'overlay-readonly').getByRole('checkbox').isDisabled(), true);
    // A hand-made Faultline annotation of another data source is recognised, not claimed.
    assert.match(
      await row(page, 'overlay-staging').getByTestId('overlay-chaos').textContent(),
      /by hand: "Chaos \(staging\)" of data source faultline-staging/
    );
    assert.match(
      await row(page, 'faultline-service-health').getByTestId('overlay-chaos').textContent(),
      /by hand: "Chaos runs"/
    );

    for (const uid of THREE) {
      await row(page, uid).getByRole('checkbox').check({ force: true });
    }
    await page.getByTestId('data-testid faultline-overlays-service').fill(SERVICE);

    // 1. Add the chaos annotation.
    await click(page, 'add', 'chaos');
    let r = await outcomes(page, THREE, {});
    assert.equal(r['overlay-checkout'].kind, 'done', JSON.stringify(r));
    assert.equal(r['overlay-legacy'].kind, 'done');
    assert.equal(r['overlay-staging'].kind, 'error');
    assert.match(r['overlay-staging'].text, /made by hand .*left as it is/);
    const checkout1 = await stored('overlay-checkout');
    const legacy1 = await stored('overlay-legacy');
    assert.equal(checkout1.version, 2);
    assert.deepEqual(
      checkout1.annotations.list.at(-1).target.chaos,
      { service: '$service' },
      "narrowed to the dashboard's variable"
    );
    assert.deepEqual(
      legacy1.annotations.list.at(-1).target.chaos,
      { service: SERVICE },
      'the chosen service, markup kept as data'
    );
    assert.equal(legacy1.schemaVersion, 27, 'an old dashboard is changed, not migrated');
    assert.deepEqual(await stored('overlay-staging'), original['overlay-staging']);
    // The markup is text on the page, never an element.
    assert.equal(await page.locator('[data-testid="data-testid faultline-overlays"] b').count(), 0);

    // 2. Add it again: nothing changes, no version moves.
    let before = await texts(page, THREE);
    await click(page, 'add', 'chaos');
    r = await outcomes(page, ['overlay-checkout', 'overlay-legacy'], before);
    assert.match(r['overlay-checkout'].text, /already there/);
    assert.equal((await stored('overlay-checkout')).version, 2);
    assert.equal((await stored('overlay-legacy')).version, 2);

    // 3. Someone else saves the checkout board after the page read it: the page's save is refused (412).
    const other = { ...checkout1, tags: [...checkout1.tags, 'edited-elsewhere'] };
    assert.equal((await api('POST', '/api/dashboards/db', { dashboard: other, overwrite: false })).status, 200);
    before = await texts(page, THREE);
    await click(page, 'add', 'ownership');
    r = await outcomes(page, THREE, before);
    assert.equal(r['overlay-checkout'].kind, 'conflict', JSON.stringify(r));
    assert.match(r['overlay-checkout'].text, /changed by someone else .*nothing was saved/);
    assert.equal(r['overlay-legacy'].kind, 'done');
    assert.deepEqual(
      (await stored('overlay-checkout')).tags,
      ['team-checkout', 'edited-elsewhere'],
      'the other edit is kept'
    );
    assert.equal((await stored('overlay-checkout')).panels.length, 1);
    await screenshot(page, 'overlay-manager-conflict');
    // Offered again: read it again and retry, and both edits are there.
    before = await texts(page, ['overlay-checkout']);
    await row(page, 'overlay-checkout').getByRole('button', { name: 'Read it again and retry' }).click();
    r = await outcomes(page, ['overlay-checkout'], before);
    assert.equal(r['overlay-checkout'].kind, 'done');
    const checkout4 = await stored('overlay-checkout');
    assert.equal(checkout4.version, 4);
    assert.deepEqual(checkout4.tags, ['team-checkout', 'edited-elsewhere']);
    assert.equal(checkout4.panels.at(-1).type, 'faultline-ownership-panel');

    // 4. Remove the chaos annotation: only what the page added goes.
    before = await texts(page, THREE);
    await click(page, 'remove', 'chaos');
    r = await outcomes(page, THREE, before);
    assert.equal(r['overlay-checkout'].kind, 'done');
    assert.equal(r['overlay-legacy'].kind, 'done');
    assert.match(r['overlay-staging'].text, /no chaos annotation added by this page/);
    for (const uid of THREE) {
      assert.deepEqual(
        (await stored(uid)).annotations,
        original[uid].annotations,
        `${uid}: the annotations it had, hand-made ones included`
      );
    }

    // 5. The staging board is deleted while the page is open: its save is refused, the row says so.
    assert.equal((await api('DELETE', '/api/dashboards/uid/overlay-staging')).status, 200);
    before = await texts(page, THREE);
    await click(page, 'remove', 'ownership');
    r = await outcomes(page, THREE, before);
    assert.match(r['overlay-staging'].text, /deleted/);
    assert.equal(r['overlay-checkout'].kind, 'done');
    assert.equal(
      (await stored('overlay-checkout')).panels.length,
      1,
      'the ownership panel the page added is gone, the rest stays'
    );
    assert.deepEqual((await stored('overlay-checkout')).panels, original['overlay-checkout'].panels);
    await screenshot(page, 'overlay-manager-done');
    assert.deepEqual(watch.problems, []);
  } finally {
    await page.close();
  }
});

test('the dashboard API refuses what Grafana refuses', async () => {
  const d = await stored('overlay-checkout');
  assert.deepEqual(
    await api('POST', '/api/dashboards/db', { dashboard: { ...d, version: d.version - 1 }, overwrite: false }),
    { status: 412, body: { status: 'version-mismatch', message: 'The dashboard has been changed by someone else' } }
  );
  assert.equal(
    (await api('POST', '/api/dashboards/db', { dashboard: { ...d, version: d.version - 1 }, overwrite: true })).status,
    200,
    'overwrite skips the version check'
  );
  const ro = await api('GET', '/api/dashboards/uid/overlay-readonly');
  assert.equal(ro.body.meta.canEdit, false);
  assert.equal(
    (await api('POST', '/api/dashboards/db', { dashboard: ro.body.dashboard, overwrite: false })).status,
    403
  );
  const sh = await stored('faultline-service-health');
  assert.deepEqual(await api('POST', '/api/dashboards/db', { dashboard: sh, overwrite: false }), {
    status: 400,
    body: { message: 'Cannot save provisioned dashboard' },
  });
  assert.deepEqual(
    await api('POST', '/api/dashboards/db', {
      dashboard: { id: 999, uid: 'gone', title: 'x', version: 1 },
      overwrite: false,
    }),
    { status: 404, body: { status: 'not-found', message: 'Dashboard not found' } }
  );
  const hits = (await api('GET', '/api/search?type=dash-db')).body;
  assert.deepEqual(
    hits.map((h) => h.title),
    [...hits.map((h) => h.title)].sort((a, b) => a.localeCompare(b))
  );
  assert.ok(hits.every((h) => h.type === 'dash-db' && h.url.startsWith(`/d/${h.uid}/`)));
  assert.deepEqual((await api('GET', '/api/search?type=dash-folder')).body, []);
});
