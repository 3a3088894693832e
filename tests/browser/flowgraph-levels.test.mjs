// The built flow graph panel on a 10,000-node estate (clusters of namespaces of workloads) in the
// preview's smoke host: it opens at the level that fits the node budget, opens and closes a group
// in place (nothing else moves), keeps the open groups in the URL (a shared link re-opens them),
// lights a node's callers and callees, hides all but errors, and never draws two labels over each
// other. Labels are read from the drawn scene: every fillText on every canvas is recorded with the
// width the browser measures for it.
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, ROOT, screenshot, startPreview, waitForAttribute } from './harness.mjs';

const PANEL = 'public/plugins/faultline-app/panels/flowgraph/module.js';
const SIZE = { width: 1200, height: 800 };

let browser;
let preview;
let page;
let watch;
let frames;

/** The estate generator of the panel's testkit, bundled for Node (it needs nothing from Grafana). */
async function estate(n) {
  const res = await build({
    entryPoints: [path.join(ROOT, 'src/panels/flowgraph/testkit/synthetic.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'error',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(res.outputFiles[0].text).toString('base64')}`);
  return mod.estateFrames({ nodes: n, seed: 42, bigNamespace: 500 });
}

/** Records every label drawn: per canvas, the texts since its last full clear, with measured boxes. */
function recordText() {
  const proto = CanvasRenderingContext2D.prototype;
  const drawn = new Map();
  const fill = proto.fillText;
  const clear = proto.clearRect;
  proto.clearRect = function (x, y, w, h) {
    if (x === 0 && y === 0 && w >= this.canvas.width / 4) {
      drawn.set(this.canvas, []);
    }
    return clear.call(this, x, y, w, h);
  };
  proto.fillText = function (text, x, y, ...rest) {
    const w = this.measureText(text).width;
    const h = Number(/(\d+)px/.exec(this.font)?.[1] ?? 12);
    const x0 = this.textAlign === 'center' ? x - w / 2 : this.textAlign === 'right' ? x - w : x;
    const y0 = this.textBaseline === 'top' ? y : this.textBaseline === 'middle' ? y - h / 2 : y - h;
    const list = drawn.get(this.canvas) ?? [];
    list.push({ text, x0, y0, x1: x0 + w, y1: y0 + h });
    drawn.set(this.canvas, list);
    return fill.call(this, text, x, y, ...rest);
  };
  window.faultlineLabels = () => [...drawn.values()].filter((l) => l.length > 0);
}

before(async () => {
  frames = await estate(10_000);
  preview = await startPreview();
  browser = await launchBrowser();
  ({ page, watch } = await openPage(browser, undefined, { viewport: { width: 1300, height: 1000 } }));
  await page.addInitScript(recordText);
});

after(async () => {
  await browser?.close();
  await preview?.stop();
});

async function render(query = '') {
  await page.goto(`${preview.url}/smoke${query}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const id = await page.evaluate(([p, f, s]) => window.faultlineSmoke.renderPanel(p, f, s), [PANEL, frames, SIZE]);
  const panel = page.getByTestId(id).last();
  const status = panel.getByTestId('faultline-flowgraph-summary');
  await waitFor(status, 'data-engine', (v) => v === 'levels', 60_000);
  return { panel, status, map: panel.getByRole('application', { name: 'Service flow map' }) };
}

const waitFor = (status, attr, predicate, timeout) => waitForAttribute(page, status, attr, predicate, timeout);

/** The labels of the last crisp draw, once the painter has settled; asserts none overlap. */
async function labels() {
  await page.waitForTimeout(600);
  const lists = await page.evaluate(() => window.faultlineLabels());
  assert.ok(lists.length > 0, 'labels were drawn');
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        const meet = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
        assert.ok(!meet, `labels “${a.text}” and “${b.text}” overlap`);
      }
    }
  }
  // The texture on screen is the one drawn last.
  return lists[lists.length - 1];
}

const byText = (list) => new Map(list.map((l) => [l.text, [l.x0, l.y0]]));

/** Selects the first search match and opens its menu. */
async function menuOf(p, name) {
  await p.panel.getByLabel('Search nodes').fill(name);
  await p.map.focus();
  await p.map.press('n');
  await p.map.press('Enter');
}

let shared;

test('opens a 10,000-node estate at the cluster level, every group named', async () => {
  const p = await render();
  assert.equal(await p.status.getAttribute('data-total-nodes'), '8');
  assert.equal(await p.status.getAttribute('data-levels'), 'cluster>namespace');
  assert.equal(await p.status.getAttribute('data-group-nodes'), '8');
  const drawn = await labels();
  for (let c = 0; c < 8; c++) {
    assert.ok(
      drawn.some((l) => l.text.startsWith(`cluster-${c} (`)),
      `cluster-${c} is labelled: ${drawn.map((l) => l.text)}`
    );
  }
});

test('opens a group in place and closes it again; no other group moves', async () => {
  const p = await render();
  // Selecting with n centres cluster-3: the camera moves once, before anything opens.
  await menuOf(p, 'cluster-3');
  const before = byText(await labels());
  await page.getByRole('menuitem', { name: /^Open cluster-3/ }).click();
  await waitFor(p.status, 'data-open-groups', (v) => v === '1');
  const inside = Number(await p.status.getAttribute('data-total-nodes')) - 7;
  assert.ok(inside > 10, `cluster-3 shows its namespaces: ${inside}`);
  assert.match(page.url(), /flowgraph-open-1=cluster%3Dcluster-3/);
  shared = new URL(page.url()).search;
  assert.match(await p.panel.getByTestId('faultline-flowgraph-breadcrumb').innerText(), /All\s*›\s*cluster-3/);
  const opened = byText(await labels());
  // The camera stays where it was: every other cluster's label is drawn at the same place.
  for (const [text, at] of before) {
    if (!text.startsWith('cluster-3 ')) {
      assert.deepEqual(opened.get(text), at, `${text} did not move`);
    }
  }
  await screenshot(page, 'flowgraph-levels-open');
  await p.panel.getByRole('button', { name: 'All' }).click();
  await waitFor(p.status, 'data-open-groups', (v) => v === '0');
  assert.equal(await p.status.getAttribute('data-total-nodes'), '8');
  assert.deepEqual(byText(await labels()), before);
});

test('a shared link opens the same view', async () => {
  assert.ok(shared, 'the previous test left a link');
  const p = await render(shared);
  assert.equal(await p.status.getAttribute('data-open-groups'), '1');
  assert.match(await p.panel.getByTestId('faultline-flowgraph-breadcrumb').innerText(), /cluster-3/);
  await labels();
});

test('lights the callers and callees of a node and fades the rest', async () => {
  const p = await render(
    '?flowgraph-open-1=cluster%3Dcluster-0&flowgraph-open-1=cluster%3Dcluster-0%2Fnamespace%3Dcheckout-1'
  );
  assert.equal(await p.status.getAttribute('data-open-groups'), '2');
  await p.panel.getByLabel('Search nodes').fill('svc-');
  await p.map.focus();
  await p.map.press('n');
  await p.map.press('p');
  const lit = Number(await waitFor(p.status, 'data-lit', (v) => Number(v) > 1));
  const total = Number(await p.status.getAttribute('data-total-nodes'));
  assert.ok(lit < total, `some nodes fade: ${lit} lit of ${total}`);
  assert.match(await p.panel.getByTestId('faultline-flowgraph-paths').innerText(), /callers.*callees/);
  await labels();
  await p.map.press('Escape');
  assert.equal(await p.status.getAttribute('data-lit'), '0');
});

test('errors only hides the quiet edges and the nodes they leave alone', async () => {
  const p = await render('?flowgraph-open-1=cluster%3Dcluster-0');
  const all = Number(await p.status.getAttribute('data-nodes'));
  await p.panel.getByRole('button', { name: 'Errors only' }).click();
  assert.equal(await p.status.getAttribute('data-noise'), 'errorsOnly');
  const shown = Number(await p.status.getAttribute('data-nodes'));
  assert.ok(shown > 0 && shown <= all, `${shown} of ${all} nodes touch an edge with errors`);
  await labels();
  await p.panel.getByRole('button', { name: 'Errors only' }).click();
  assert.equal(await p.status.getAttribute('data-nodes'), String(all));
});

test('the big-map picture: the estate with one cluster and one of its namespaces open', async () => {
  // A namespace of cluster-0 of a few dozen workloads, from the generated frames.
  const nodes = frames[0].fields;
  const col = (name) => nodes.find((f) => f.name === name).values;
  const sizes = new Map();
  col('detail__namespace').forEach((ns, i) => {
    if (col('detail__cluster')[i] === 'cluster-0') {
      sizes.set(ns, (sizes.get(ns) ?? 0) + 1);
    }
  });
  const ns = [...sizes].find(([, n]) => n >= 30 && n <= 60)[0];
  const p = await render(
    `?flowgraph-open-1=cluster%3Dcluster-0&flowgraph-open-1=${encodeURIComponent(`cluster=cluster-0/namespace=${ns}`)}`
  );
  assert.equal(await p.status.getAttribute('data-open-groups'), '2');
  await p.panel.getByLabel('Search nodes').fill('svc-');
  await p.map.focus();
  await p.map.press('n');
  await p.panel.getByLabel('Search nodes').fill('');
  await p.map.focus();
  // Close enough to read the open namespace's workloads, with the neighbouring clusters around it.
  for (let i = 0; i < 7; i++) {
    await p.map.press('+');
  }
  await labels();
  mkdirSync(path.join(ROOT, 'docs', 'img'), { recursive: true });
  await p.panel.screenshot({ path: path.join(ROOT, 'docs', 'img', 'flowgraph-10000.png') });
});

test('no console error, uncaught exception or failed request', () => {
  assert.deepEqual(watch.problems, []);
});
