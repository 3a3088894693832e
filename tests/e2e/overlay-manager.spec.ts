// The overlay manager in a real Grafana, on three dashboards it creates through the dashboard API
// (the provisioned examples cannot be saved, which the page says): add the chaos annotation, add it
// again, a concurrent edit that ends in the conflict path and its retry, remove what the page added,
// and a dashboard deleted while the page is open. The same scenario runs against the preview in
// tests/browser/overlay-manager.test.mjs, on the same fixture dashboards.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const FIXTURES = path.resolve(__dirname, '..', 'browser', 'fixtures', 'overlays');
const THREE = ['overlay-checkout', 'overlay-legacy', 'overlay-staging'];
const SERVICE = 'shop/<b>checkout</b>';

const fixture = (uid: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${uid}.json`), 'utf8'));

async function stored(request: APIRequestContext, uid: string) {
  const res = await request.get(`/api/dashboards/uid/${uid}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()).dashboard;
}

const row = (page: Page, uid: string) => page.getByTestId(`data-testid faultline-overlays-row-${uid}`);
const outcome = (page: Page, uid: string) => row(page, uid).getByTestId('overlay-outcome');
const click = (page: Page, action: string, overlay: string) =>
  page.getByTestId(`data-testid faultline-overlays-${action}-${overlay}`).click();

test.beforeEach(async ({ request }) => {
  for (const uid of THREE) {
    const { id, ...dashboard } = fixture(uid);
    const res = await request.post('/api/dashboards/db', { data: { dashboard, overwrite: true } });
    expect(res.ok(), `create ${uid}`).toBeTruthy();
  }
});

test.afterEach(async ({ request }) => {
  for (const uid of THREE) {
    await request.delete(`/api/dashboards/uid/${uid}`);
  }
});

test('add, add again, a concurrent edit, remove, and a deleted dashboard', async ({ gotoPage, page, request }) => {
  await gotoPage('/overlays');
  await expect(row(page, 'overlay-checkout')).toBeVisible();
  await expect(outcome(page, 'faultline-service-health')).toContainText('provisioned from a file');
  for (const uid of THREE) {
    await row(page, uid).getByRole('checkbox').check({ force: true });
  }
  await page.getByTestId('data-testid faultline-overlays-service').fill(SERVICE);

  await click(page, 'add', 'chaos');
  await expect(outcome(page, 'overlay-checkout')).toContainText('added the chaos annotation');
  await expect(outcome(page, 'overlay-legacy')).toContainText('added the chaos annotation');
  await expect(outcome(page, 'overlay-staging')).toContainText('made by hand');
  const checkout = await stored(request, 'overlay-checkout');
  expect(checkout.annotations.list.at(-1).target.chaos).toEqual({ service: '$service' });
  expect((await stored(request, 'overlay-legacy')).annotations.list.at(-1).target.chaos).toEqual({ service: SERVICE });

  await click(page, 'add', 'chaos');
  await expect(outcome(page, 'overlay-checkout')).toContainText('already there');
  expect((await stored(request, 'overlay-checkout')).version).toBe(checkout.version);

  // Someone else saves the checkout board after the page read it.
  const other = { ...checkout, tags: [...(checkout.tags ?? []), 'edited-elsewhere'] };
  expect(
    (await request.post('/api/dashboards/db', { data: { dashboard: other, overwrite: false } })).ok()
  ).toBeTruthy();
  await click(page, 'add', 'ownership');
  await expect(outcome(page, 'overlay-checkout')).toContainText('changed by someone else');
  await row(page, 'overlay-checkout').getByRole('button', { name: 'Read it again and retry' }).click();
  await expect(outcome(page, 'overlay-checkout')).toContainText('added the ownership panel');
  const merged = await stored(request, 'overlay-checkout');
  expect(merged.tags).toContain('edited-elsewhere');
  expect(merged.panels.at(-1).type).toBe('faultline-ownership-panel');

  await click(page, 'remove', 'chaos');
  await expect(outcome(page, 'overlay-checkout')).toContainText('removed the chaos annotation');
  await expect(outcome(page, 'overlay-staging')).toContainText('no chaos annotation added by this page');
  for (const uid of THREE) {
    expect((await stored(request, uid)).annotations.list.map((a: { name: string }) => a.name)).toEqual(
      fixture(uid).annotations.list.map((a: { name: string }) => a.name)
    );
  }

  await request.delete('/api/dashboards/uid/overlay-staging');
  await click(page, 'remove', 'ownership');
  await expect(outcome(page, 'overlay-staging')).toContainText('deleted');
  await expect(outcome(page, 'overlay-checkout')).toContainText('removed the ownership panel');
});
