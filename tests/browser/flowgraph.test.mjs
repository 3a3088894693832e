// The built flow graph panel (dist/panels/flowgraph/module.js) in the preview's smoke host: it lays
// out in its Blob worker, searches, focuses, groups, reads the overlays, explains bad data, and draws
// 5,000 nodes. The panel's status line (data-* attributes and text) is what a screen reader reads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, paintedPixels, screenshot, startPreview, waitForAttribute } from './harness.mjs';

const PANEL = 'public/plugins/faultline-app/panels/flowgraph/module.js';
const str = (name, values, displayName) => ({
  name,
  type: 'string',
  values,
  config: displayName ? { displayName } : {},
});
const num = (name, values, unit) => ({ name, type: 'number', values, config: unit ? { unit } : {} });

// A shop like the demo's: who owns what, a chaos run on payments, a diff and cross-zone cost on edges.
const SERVICES = [
  ['web', 'shop', 'frontend', 'a'],
  ['checkout', 'shop', 'shop', 'a'],
  ['inventory', 'shop', 'shop', 'b'],
  ['payments', 'payments', 'payments', 'a'],
  ['payments-db', 'payments', 'payments', 'b'],
  ['fraud', 'payments', 'payments', 'c'],
  ['search', 'search', 'search', 'a'],
  ['search-index', 'search', 'search', 'c'],
  ['auth', 'platform', 'platform', 'b'],
];
const CALLS = [
  // source, target, bytes/s, error share, diff, cross-zone cost
  ['web', 'checkout', 5e6, 0, 'same', null],
  ['web', 'search', 2e7, 0.001, 'same', null],
  ['web', 'auth', 1e5, 0, 'new', 0.4],
  ['checkout', 'payments', 3e6, 0.08, 'changed', null],
  ['checkout', 'inventory', 1e6, 0, 'same', 1.2],
  ['payments', 'payments-db', 4e6, 0, 'same', 6.5],
  ['payments', 'fraud', 5e5, 0, 'vanished', 2.25],
  ['search', 'search-index', 6e7, 0, 'same', 9.75],
];
const DEMO = [
  {
    name: 'nodes',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      str(
        'id',
        SERVICES.map((s) => s[0])
      ),
      str(
        'title',
        SERVICES.map((s) => s[0])
      ),
      str(
        'detail__team',
        SERVICES.map((s) => s[1]),
        'Team'
      ),
      str(
        'detail__namespace',
        SERVICES.map((s) => s[2]),
        'Namespace'
      ),
      str(
        'detail__zone',
        SERVICES.map((s) => `eu-west-1${s[3]}`),
        'Zone'
      ),
      str(
        'detail__chaos',
        SERVICES.map((s) => (s[0] === 'payments' ? 'target: pod-kill-payments' : null)),
        'Chaos'
      ),
    ],
  },
  {
    name: 'edges',
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      str(
        'id',
        CALLS.map((c) => `${c[0]}->${c[1]}`)
      ),
      str(
        'source',
        CALLS.map((c) => c[0])
      ),
      str(
        'target',
        CALLS.map((c) => c[1])
      ),
      num(
        'mainstat',
        CALLS.map((c) => c[2]),
        'Bps'
      ),
      num(
        'detail__bytes',
        CALLS.map((c) => c[2]),
        'Bps'
      ),
      num(
        'detail__error_share',
        CALLS.map((c) => c[3]),
        'percentunit'
      ),
      str(
        'detail__diff',
        CALLS.map((c) => c[4]),
        'Change'
      ),
      str(
        'detail__cross_zone',
        CALLS.map((c) => (c[5] === null ? null : 'zone a → zone b')),
        'Cross-zone'
      ),
      num(
        'detail__cost',
        CALLS.map((c) => c[5]),
        'currencyUSD'
      ),
    ],
  },
];

let browser;
let preview;
let page;
let watch;

before(async () => {
  preview = await startPreview();
  browser = await launchBrowser();
  ({ page, watch } = await openPage(browser, undefined, { viewport: { width: 1400, height: 1000 } }));
  await page.goto(`${preview.url}/smoke`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
});

after(async () => {
  await browser?.close();
  await preview?.stop();
});

/** Renders the panel with frames; returns a locator of this panel and of its status line. */
async function render(frames, size = { width: 1000, height: 560 }) {
  const id = await page.evaluate(([p, f, s]) => window.faultlineSmoke.renderPanel(p, f, s), [PANEL, frames, size]);
  const panel = page.getByTestId(id).last();
  const status = panel.getByTestId('faultline-flowgraph-summary');
  return { panel, status };
}

const waitFor = (status, attr, predicate, timeout) => waitForAttribute(page, status, attr, predicate, timeout);

let demo;

test('lays the demo map out in the Blob worker and draws it', async () => {
  demo = await render(DEMO);
  assert.equal(await waitFor(demo.status, 'data-engine', (v) => v === 'layered'), 'layered');
  assert.equal(await demo.status.getAttribute('data-nodes'), '9');
  assert.equal(await demo.status.getAttribute('data-edges'), '8');
  const notices = await demo.panel.getByTestId('faultline-flowgraph-notices').count();
  assert.equal(notices, 0, 'no notice: the worker ran, the data is clean');
  const painted = await paintedPixels(demo.panel.locator('canvas'));
  assert.ok(painted > 500, `pixels painted: ${painted}`);
  await screenshot(page, 'flowgraph-demo');
});

test('reads the chaos blast radius by default, then the diff and the cost overlays', async () => {
  assert.equal(await demo.status.getAttribute('data-overlay'), 'chaos');
  // payments is the target; checkout calls it (upstream, with web two hops up); payments-db and fraud are downstream
  assert.equal(await demo.status.getAttribute('data-chaos'), '1/2/2');
  assert.match(await demo.panel.getByTestId('faultline-flowgraph-legend').innerText(), /chaos target \(1\)/);
  await demo.panel.getByRole('radio', { name: 'Diff' }).check({ force: true });
  assert.equal(await demo.status.getAttribute('data-overlay'), 'diff');
  assert.equal(await demo.status.getAttribute('data-diff'), '1/1/1');
  await demo.panel.getByRole('radio', { name: 'Cost' }).check({ force: true });
  assert.equal(await demo.status.getAttribute('data-cost'), '20.1');
  assert.match(await demo.status.innerText(), /cost: \$20\.10 total over 5 cross-zone edges/);
});

test('searches and focuses on a node and its neighbourhood from the keyboard', async () => {
  await demo.panel.getByLabel('Search nodes').fill('pay');
  assert.equal(await demo.status.getAttribute('data-matches'), '2');
  await demo.panel.getByLabel('Search nodes').fill('checkout');
  const map = demo.panel.getByRole('application', { name: 'Service flow map' });
  await map.focus();
  await map.press('n');
  assert.match(await demo.status.innerText(), /selected checkout/);
  await map.press('c');
  assert.equal(await demo.status.getAttribute('data-focused'), 'checkout');
  // one hop around checkout: web, payments, inventory and itself
  assert.equal(await demo.status.getAttribute('data-nodes'), '4');
  await map.press('Enter');
  const link = page.getByRole('menuitem', { name: 'Service page' });
  assert.equal(await link.getAttribute('href'), '/a/faultline-app/service/checkout');
  await page.keyboard.press('Escape');
  await map.press('Escape');
  assert.equal(await demo.status.getAttribute('data-focused'), '');
  assert.equal(await demo.status.getAttribute('data-nodes'), '9');
});

test('filters with an expression and says what is wrong with a bad one', async () => {
  const filter = demo.panel.getByLabel('Filter expression');
  await filter.fill('team=payments');
  assert.equal(await demo.status.getAttribute('data-nodes'), '3');
  await filter.fill('bytes>10MB');
  // web, search and search-index carry more than 10 MB/s on an edge
  assert.equal(await demo.status.getAttribute('data-nodes'), '3');
  await filter.fill('bytes>lots');
  assert.match(
    await demo.panel.getByTestId('faultline-flowgraph-notices').innerText(),
    /needs a number such as 10, 1% or 10MB/
  );
  await filter.fill('');
});

test('hovering a node shows every detail field as text', async () => {
  await demo.panel.getByLabel('Search nodes').fill('payments-db');
  const map = demo.panel.getByRole('application', { name: 'Service flow map' });
  await map.focus();
  await map.press('n');
  // n centres the selected node: hover the middle of the map
  const box = await map.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = demo.panel.getByTestId('faultline-flowgraph-tooltip');
  await tip.waitFor();
  const text = await tip.innerText();
  for (const want of ['payments-db', 'Team', 'payments', 'Namespace', 'Zone', 'eu-west-1b']) {
    assert.ok(text.includes(want), `tooltip shows ${want}: ${text}`);
  }
  await page.mouse.move(box.x + 2, box.y + 2);
  await demo.panel.getByLabel('Search nodes').fill('');
  await map.press('Escape');
});

test('a tooltip near the corner of the map flips to stay inside it', async () => {
  await demo.panel.getByLabel('Search nodes').fill('payments-db');
  const map = demo.panel.getByRole('application', { name: 'Service flow map' });
  await map.focus();
  await map.press('n');
  const box = await map.boundingBox();
  // Drag the centred node to the bottom-right corner, then rest the pointer on it there.
  const corner = { x: box.x + box.width - 12, y: box.y + box.height - 12 };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(corner.x, corner.y, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(corner.x - 1, corner.y - 1);
  const tip = demo.panel.getByTestId('faultline-flowgraph-tooltip');
  await tip.waitFor();
  assert.match(await tip.innerText(), /payments-db/);
  const t = await tip.boundingBox();
  assert.ok(
    t.x >= box.x && t.x + t.width <= box.x + box.width + 0.5,
    `tooltip ${JSON.stringify(t)} inside map ${JSON.stringify(box)}`
  );
  assert.ok(
    t.y >= box.y && t.y + t.height <= box.y + box.height + 0.5,
    `tooltip ${JSON.stringify(t)} inside map ${JSON.stringify(box)}`
  );
  await screenshot(page, 'flowgraph-tooltip-corner');
  await page.mouse.move(box.x + 2, box.y + 2);
  await demo.panel.getByLabel('Search nodes').fill('');
  await map.press('Escape');
  await map.press('f');
});

test('groups by team and collapses a team to one node', async () => {
  await demo.panel.getByRole('radio', { name: 'Team' }).check({ force: true });
  assert.equal(await demo.status.getAttribute('data-groups'), '4');
  // switching the grouping lays out afresh, each team in its own band
  await demo.status.filter({ hasNotText: 'layout running' }).waitFor();
  assert.equal(await demo.status.getAttribute('data-engine'), 'layered');
  await screenshot(page, 'flowgraph-groups-team');
  await demo.panel.getByLabel('Search nodes').fill('fraud');
  const map = demo.panel.getByRole('application', { name: 'Service flow map' });
  await map.focus();
  await map.press('n');
  await map.press('Enter');
  await page.getByRole('menuitem', { name: 'Collapse payments' }).click();
  // payments, payments-db and fraud become one node
  assert.equal(await waitFor(demo.status, 'data-total-nodes', (v) => v === '7'), '7');
  assert.equal(await demo.status.getAttribute('data-groups'), '4');
});

test('explains bad data and still draws what it can', async () => {
  const bad = [
    { name: 'nodes', fields: [str('id', ['a', 'b', 'b']), num('mainstat', [1, NaN, 2])] },
    {
      name: 'edges',
      fields: [
        str('id', ['a-b', 'a-ghost', 'b-b']),
        str('source', ['a', 'a', 'b']),
        str('target', ['b', 'ghost', 'b']),
      ],
    },
  ];
  const { panel, status } = await render(bad, { width: 700, height: 360 });
  await waitFor(status, 'data-engine', (v) => !!v);
  const text = await panel.getByTestId('faultline-flowgraph-notices').innerText();
  assert.match(text, /1 edge point to nodes missing from the nodes frame.*“ghost”/);
  assert.match(text, /1 duplicate node id \(“b”\)/);
  assert.match(text, /from a node to itself/);
  assert.equal(await status.getAttribute('data-nodes'), '2');
  const table = await render([{ name: 'cpu', fields: [num('time', [1]), num('value', [2])] }], {
    width: 700,
    height: 200,
  });
  assert.match(
    await table.panel.getByTestId('faultline-flowgraph-empty').innerText(),
    /Frame “cpu” is not node graph data/
  );
});

test('draws 5,000 nodes laid out in the worker', async () => {
  const frames = await page.evaluate(() => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `svc-${i}`);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const src = [];
    const dst = [];
    for (let i = 0; i < n * 3; i++) {
      const a = Math.floor(rnd() * n);
      const local = rnd() < 0.85;
      const b = local ? Math.min(n - 1, Math.floor(a / 40) * 40 + Math.floor(rnd() * 40)) : Math.floor(rnd() * 120);
      if (a !== b) {
        src.push(ids[a]);
        dst.push(ids[b]);
      }
    }
    return [
      {
        name: 'nodes',
        // No namespace or team: the map stays ungrouped, every node laid out by the worker.
        fields: [{ name: 'id', values: ids }],
      },
      {
        name: 'edges',
        fields: [
          { name: 'id', values: src.map((s, i) => `${s}>${dst[i]}#${i}`) },
          { name: 'source', values: src },
          { name: 'target', values: dst },
        ],
      },
    ];
  });
  const { status } = await render(frames, { width: 1200, height: 800 });
  assert.equal(await waitFor(status, 'data-engine', (v) => v === 'force', 120_000), 'force');
  assert.equal(await status.getAttribute('data-total-nodes'), '5000');
  await page.waitForTimeout(300);
  await status.locator('..').screenshot({ path: 'artifacts/screenshots/flowgraph-5000-panel.png' });
});

test('no console error, uncaught exception or failed request', () => {
  assert.deepEqual(watch.problems, []);
});
