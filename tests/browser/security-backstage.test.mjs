// Hostile catalog data through the real Backstage catalog backend (demo/backstage): markup, event
// handlers and script URLs in every entity field Backstage accepts free text in (names are validated
// upstream), read by the data source through the preview's data proxy and rendered by the built
// panels and pages. Nothing may run, become an element, or become a link that is not http(s),
// mailto or a path inside Grafana.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backstageEnvForFile } from './env.mjs';
import { openPage, screenshot } from './harness.mjs';

/** Records `tag` in the page if it ever runs. */
const MARK = (tag) => `window.__xss=(window.__xss||[]).concat('${tag}')`;
const MARKUP = [
  (t) => `<img src=x onerror="${MARK(t)}">`,
  (t) => `<svg onload="${MARK(t)}">`,
  (t) => `<script>${MARK(t)}</script>`,
  (t) => `"><img src=x onerror="${MARK(t)}">`,
  (t) => `<iframe srcdoc="<script>parent.${MARK(t)}</script>"></iframe>`,
  (t) => `<details open ontoggle="${MARK(t)}">`,
  (t) => `<a href="javascript:${MARK(t)}">runbook</a>`,
];
const SCRIPT_URLS = [
  (t) => `javascript:${MARK(t)}`,
  (t) => ` JaVaScRiPt:${MARK(t)}`,
  (t) => `java\tscript:${MARK(t)}`,
  (t) => `data:text/html,<script>${MARK(t)}</script>`,
];
const HOSTILE = MARKUP.map((markup, i) => ({ name: `hostile-${i}`, team: `hostile-team-${i}`, markup, url: SCRIPT_URLS[i % SCRIPT_URLS.length] }));

function entities() {
  return HOSTILE.flatMap(({ name, team, markup, url }) => [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        title: markup(`${name}-title`),
        description: `Takes payments ${markup(`${name}-description`)}`,
        annotations: {
          'pagerduty.com/service-id': markup(`${name}-pagerduty`),
          'github.com/project-slug': `acme/${markup(`${name}-slug`)}`,
          'backstage.io/techdocs-ref': url(`${name}-techdocs`),
          tier: markup(`${name}-tier`),
        },
        links: [
          { url: url(`${name}-runbook`), title: markup(`${name}-runbook-title`), type: 'runbook' },
          { url: `https://chat.example.com/${markup(`${name}-chat`)}`, title: 'Chat', type: 'chat' },
        ],
      },
      spec: { type: 'service', lifecycle: markup(`${name}-lifecycle`), owner: `group:default/${team}`, system: 'shop' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: team, description: markup(`${team}-description`) },
      spec: { type: 'team', children: [], profile: { displayName: markup(`${team}-name`), email: `${markup(`${team}-email`)}@example.com` } },
    },
  ]);
}

const ctx = backstageEnvForFile('hostile', entities());

/** What hostile data could have done to the page. */
function verdict() {
  // A link's href may carry the data inside an http(s) or mailto URL (percent-encoded): unsafeLinks
  // judges links by their scheme. Anywhere else these attributes must not hold the data at all.
  const dangerous = ['xlink:href', 'src', 'srcdoc', 'action', 'formaction', 'data', 'style'];
  const injected = [...document.querySelectorAll('*')].filter(
    (el) =>
      [...el.attributes].some(
        (a) => (/^on/i.test(a.name) || dangerous.includes(a.name) || (a.name === 'href' && el.tagName !== 'A')) && a.value.includes('__xss')
      ) ||
      (el.tagName === 'SCRIPT' && el.textContent.includes('__xss'))
  );
  const unsafeLinks = [...document.querySelectorAll('a[href]')]
    .map((a) => a.getAttribute('href'))
    .filter((h) => !(/^\/(?![/\\])/.test(h) || /^(https?:|mailto:)/i.test(h) || h.startsWith('#') || h.startsWith('?')));
  return {
    ran: window.__xss ?? [],
    injected: injected.map((el) => el.outerHTML.slice(0, 120)),
    unsafeLinks,
    text: document.body.innerText,
  };
}

async function judge(url, ready) {
  const { page, watch } = await openPage(ctx.browser);
  const dialogs = [];
  page.on('dialog', (d) => dialogs.push(d.message()) && d.dismiss());
  try {
    await page.goto(`${ctx.env.preview.url}${url}`);
    await page.waitForFunction(ready, null, { timeout: 45000 });
    await page.waitForFunction(() => !document.querySelector('[aria-label="Panel loading bar"]'), null, { timeout: 20000 }).catch(() => undefined);
    const seen = await page.evaluate(verdict);
    await screenshot(page, `security-backstage${url.replace(/[^a-z0-9]+/gi, '-')}`);
    assert.deepEqual(seen.ran, [], `${url}: injected script ran`);
    assert.deepEqual(seen.injected, [], `${url}: markup from the catalog became an element or attribute`);
    assert.deepEqual(seen.unsafeLinks, [], `${url}: a script or data URL became a link`);
    assert.deepEqual(dialogs, [], `${url}: a dialog opened`);
    assert.deepEqual(watch.problems, [], url);
    return seen.text;
  } finally {
    await page.close();
  }
}

const showsMarkup = () => document.body.innerText.includes("__xss=(window.__xss||[]).concat('hostile-");

for (const { name } of HOSTILE) {
  test(`${name}: the service page and the service health dashboard show its catalog fields as text`, async () => {
    const page = await judge(`/a/faultline-app/service/${name}`, showsMarkup);
    assert.ok(page.includes(`${name}-description`), 'the hostile description is on the service page, as text');
    const dashboard = await judge(`/d/faultline-service-health?var-service=${name}`, showsMarkup);
    assert.ok(dashboard.includes(`hostile-team-${name.split('-')[1]}-name`), 'the hostile owner name is in the ownership panel, as text');
  });
}

test('the catalog page lists every hostile service and owner as text', async () => {
  const text = await judge('/a/faultline-app/catalog', () => document.body.innerText.includes('hostile-team-6-name'));
  for (const { team } of HOSTILE) {
    assert.ok(text.includes(`${team}-name`), `${team} is listed by its display name`);
  }
});

test('the team overview dashboard shows a hostile team as text', async () => {
  await judge('/d/faultline-team-overview?var-team=hostile-team-0', showsMarkup);
});
