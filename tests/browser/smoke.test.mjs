// The built dist/ modules (not the sources) load in Chromium the way Grafana loads them, export the
// right plugin class, and the panels draw the frames they are given.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, screenshot, startPreview } from './harness.mjs';

const BASE = 'public/plugins/faultline-app';
const MODULES = [
  { path: `${BASE}/module.js`, kind: 'app' },
  { path: `${BASE}/datasource/module.js`, kind: 'datasource' },
  { path: `${BASE}/panels/flowgraph/module.js`, kind: 'panel' },
  { path: `${BASE}/panels/ownership/module.js`, kind: 'panel' },
];

const str = (name, values) => ({ name, type: 'string', values });
const num = (name, values) => ({ name, type: 'number', values });

const NODES = {
  name: 'nodes',
  meta: { preferredVisualisationType: 'nodeGraph' },
  fields: [str('id', ['frontend', 'checkout', 'payments']), str('title', ['frontend', 'checkout', 'payments']), num('mainstat', [12, 7, 3])],
};
const EDGES = {
  name: 'edges',
  meta: { preferredVisualisationType: 'nodeGraph' },
  fields: [str('id', ['frontend-checkout', 'checkout-payments']), str('source', ['frontend', 'checkout']), str('target', ['checkout', 'payments'])],
};
const OWNERSHIP = {
  name: 'ownership',
  fields: [
    str('service', ['checkout', 'payments']),
    str('owner', ['team-shop', 'team-money']),
    str('on_call', ['shop-oncall', '']),
    str('tier', ['1', '2']),
    str('missing', ['', 'on_call']),
  ],
};

let browser;
let preview;
let page;
let watch;

before(async () => {
  preview = await startPreview();
  browser = await launchBrowser();
  // The one missing module is requested on purpose by a test below.
  ({ page, watch } = await openPage(browser, undefined, { viewport: { width: 1400, height: 900 }, allow: ['/nope/module.js'] }));
  await page.goto(`${preview.url}/smoke`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
});

after(async () => {
  await browser?.close();
  await preview?.stop();
});

for (const m of MODULES) {
  test(`${m.path} loads and exports a ${m.kind} plugin`, async () => {
    const result = await page.evaluate((p) => window.faultlineSmoke.loadPlugin(p), m.path);
    assert.ok(result.exports.includes('plugin'), `exports: ${result.exports.join(', ')}`);
    assert.equal(result.kind, m.kind);
  });
}

test('a module that is not there fails to load with its URL in the error', async () => {
  const message = await page.evaluate((p) => window.faultlineSmoke.loadPlugin(p).then(() => 'loaded', (e) => e.message), `${BASE}/nope/module.js`);
  assert.match(message, /nope\/module\.js: HTTP 404/);
});

test('the flow graph panel draws the nodes and edges frames', async () => {
  const id = await page.evaluate(([p, frames]) => window.faultlineSmoke.renderPanel(p, frames), [MODULES[2].path, [NODES, EDGES]]);
  // The biggest canvas or svg in the panel is the graph (toolbars carry small svg icons).
  const measure = (el) => {
    const surfaces = [...el.querySelectorAll('canvas, svg')].map((s) => ({ s, r: s.getBoundingClientRect() }));
    const biggest = surfaces.sort((a, b) => b.r.width * b.r.height - a.r.width * a.r.height)[0];
    if (!biggest) {
      return { width: 0, height: 0, drawn: 0 };
    }
    const { s, r } = biggest;
    let drawn = 0;
    if (s instanceof HTMLCanvasElement) {
      const data = s.getContext('2d')?.getImageData(0, 0, s.width, s.height).data ?? [];
      for (let i = 3; i < data.length; i += 4) {
        drawn += data[i] > 0 ? 1 : 0;
      }
    } else {
      drawn = s.querySelectorAll('circle, path, line, rect').length;
    }
    return { width: r.width, height: r.height, drawn };
  };
  const panel = page.getByTestId(id);
  // Layout may finish a few frames after mounting: poll until something is drawn.
  let surface = await panel.evaluate(measure);
  for (let i = 0; i < 50 && surface.drawn === 0; i++) {
    await page.waitForTimeout(200);
    surface = await panel.evaluate(measure);
  }
  assert.ok(surface.width > 100 && surface.height > 100, `the graph has a drawing surface: ${JSON.stringify(surface)}`);
  assert.ok(surface.drawn > 0, 'something was drawn for three nodes and two edges');
});

test('the ownership panel shows the services and owners of the ownership frame', async () => {
  const id = await page.evaluate(([p, frames]) => window.faultlineSmoke.renderPanel(p, frames), [MODULES[3].path, [OWNERSHIP]]);
  const panel = page.getByTestId(id);
  await panel.getByText('payments').first().waitFor();
  const text = await panel.innerText();
  for (const want of ['checkout', 'payments', 'team-shop', 'team-money']) {
    assert.ok(text.includes(want), `panel shows ${want}`);
  }
});

test('no console error, uncaught exception or failed request on the page', async () => {
  await screenshot(page, 'smoke-panels');
  assert.deepEqual(watch.problems, []);
});
