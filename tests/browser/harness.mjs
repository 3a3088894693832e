// Shared by the browser tests: Debian's Chromium driven by playwright-core, the preview server on a
// free loopback port, a recorder of console errors and failed requests, and screenshots.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview as startPreviewServer } from '../../preview/server/index.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');

const require = createRequire(import.meta.url);
const { CHROMIUM_ARGS, chromiumPath } = require('../../scripts/lib/chromium.js');

/** Headless Chromium from /usr/bin (or $CHROMIUM); each launch gets a fresh temporary profile. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** The preview server on a free 127.0.0.1 port; see preview/server/index.mjs for the options. */
export function startPreview(options = {}) {
  return startPreviewServer({ port: 0, ...options });
}

/**
 * Records what would make a user or a test suspicious: console errors, uncaught exceptions, requests
 * that failed or answered >= 400. `allow` lists URL substrings whose failures a test expects.
 */
export function watchPage(page, { allow = [] } = {}) {
  const problems = [];
  const requests = [];
  const allowed = (url) => allow.some((a) => url.includes(a));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allowed(msg.location()?.url ?? '') && !allowed(msg.text())) {
      problems.push(`console error: ${msg.text()} (${msg.location()?.url ?? ''})`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('request', (req) => requests.push(req));
  page.on('requestfailed', (req) => {
    if (!allowed(req.url())) {
      problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !allowed(res.url())) {
      problems.push(`HTTP ${res.status()}: ${res.url()}`);
    }
  });
  return { problems, requests };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A new page with its recorder (see watchPage), already at `url` when one is given. */
export async function openPage(browser, url, { viewport = { width: 1400, height: 1500 }, allow } = {}) {
  const page = await browser.newPage({ viewport });
  const watch = watchPage(page, { allow });
  if (url) {
    await page.goto(url);
  }
  return { page, watch };
}

/** How many pixels of a canvas are not fully transparent: zero until something is drawn. */
export function paintedPixels(canvas) {
  return canvas.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) {
      n += d[i] > 0 ? 1 : 0;
    }
    return n;
  });
}

/** Until no panel shows its loading bar (on a busy machine queries finish after network idle). */
export function settled(page) {
  return page.waitForFunction(() => !document.querySelector('[aria-label="Panel loading bar"]'), null, { timeout: 20000 }).catch(() => undefined);
}

/** Titles of the panels on the page whose content is empty (runs in the page). */
export function emptyPanelTitles() {
  return [...document.querySelectorAll('[data-viz-panel-key]')]
    .filter((p) => {
      const body = p.querySelector('[data-testid="data-testid panel content"]');
      return !body || (body.innerText.trim() === '' && !body.querySelector('canvas, svg'));
    })
    .map((p) => p.querySelector('h2')?.textContent ?? p.getAttribute('data-viz-panel-key'));
}

/** Polls an attribute of `locator` until `predicate` holds; fails with the last value seen. */
export async function waitForAttribute(page, locator, attr, predicate, timeout = 30_000) {
  const end = Date.now() + timeout;
  let v;
  while (Date.now() < end) {
    v = await locator.getAttribute(attr);
    if (predicate(v)) {
      return v;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`${attr} stayed ${JSON.stringify(v)}`);
}

/**
 * The table of the panel titled `title`: its column names and its rows as visible cell texts, with
 * the first link of each row (runs in the page: pass it to page.evaluate with the title).
 */
export function panelTable(title) {
  const panel = [...document.querySelectorAll('[data-viz-panel-key]')].find((p) => p.querySelector('h2')?.textContent === title);
  const columns = [...(panel?.querySelectorAll('[role="columnheader"]') ?? [])].map((c) => c.textContent.trim());
  const rows = [...(panel?.querySelectorAll('[role="row"]') ?? [])]
    .filter((r) => r.querySelector('[role="cell"]'))
    .map((r) => ({ cells: [...r.querySelectorAll('[role="cell"]')].map((c) => c.textContent.trim()), href: r.querySelector('a[href]')?.getAttribute('href') }));
  return { columns, rows };
}
