// Shared by the browser tests: Debian's Chromium driven by playwright-core, the preview server on a
// free loopback port, a recorder of console errors and failed requests, and screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPreview as startPreviewServer } from '../../preview/server/index.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium from /usr/bin (or $CHROMIUM); each launch gets a fresh temporary profile. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
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
