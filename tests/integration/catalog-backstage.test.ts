/** @jest-environment node */
import path from 'node:path';
import type { DataFrame } from '@grafana/data';
import type { Ownership } from '../../src/model';
import type { TransportRequest } from '../../src/datasource/http/transport';
import type { FaultlineOptions } from '../../src/datasource/types';

// Node's fetch talks to Backstage (jsdom has none), but @grafana/data wants a window and a document
// when it loads: lend it jsdom's, then load the data source code.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { HANDLERS } = require('../../src/datasource/handlers') as typeof import('../../src/datasource/handlers');
const { findVariableValues } =
  require('../../src/datasource/variables') as typeof import('../../src/datasource/variables');
const { loadServices } =
  require('../../src/datasource/connectors/catalog') as typeof import('../../src/datasource/connectors/catalog');
const { loadBackstage } =
  require('../../src/datasource/connectors/catalog/backstage') as typeof import('../../src/datasource/connectors/catalog/backstage');
const { catalogProbes } =
  require('../../src/datasource/connectors/catalog/probe') as typeof import('../../src/datasource/connectors/catalog/probe');
const { checkHealth } = require('../../src/datasource/health') as typeof import('../../src/datasource/health');
const { catalogTestContext } =
  require('../../src/datasource/connectors/catalog/testContext') as typeof import('../../src/datasource/connectors/catalog/testContext');
const { fetchTransport } =
  require('../../src/datasource/http/fetchTransport') as typeof import('../../src/datasource/http/fetchTransport');
const { AuthError } = require('../../src/model') as typeof import('../../src/model');
const { freePort } = require('../../scripts/lib/processes');
const backstage = require('../../demo/backstage/service.js');

const ROOT = path.resolve(__dirname, '..', '..');
let handle: { url: string; stop: () => Promise<void> };
let settings: FaultlineOptions;
const requests: TransportRequest[] = [];

/** The real transport with the header Grafana's `backstage` route adds; every request is recorded. */
function transport(token = backstage.token) {
  const real = fetchTransport({ backstage: { url: handle.url, headers: { Authorization: `Bearer ${token}` } } });
  return (req: TransportRequest) => {
    requests.push(req);
    return real(req);
  };
}
const ctx = (vars: Record<string, string | string[]> = {}, token?: string) =>
  catalogTestContext(settings, transport(token), vars);
const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values as string[];

beforeAll(async () => {
  const port = await freePort();
  handle = await backstage.start({ root: ROOT, ports: { backstage: port }, timeoutMs: 120_000 });
  settings = { catalogSource: 'backstage', backstageUrl: handle.url, cacheTtlSeconds: 60 };
}, 150_000);
afterAll(() => handle?.stop());
beforeEach(() => (requests.length = 0));

describe('Backstage catalog through the data source', () => {
  let all: Ownership[];
  beforeAll(async () => {
    all = await loadServices(ctx());
  });
  const byRef = (ref: string) => all.find((o) => o.ref === ref)!;

  it('reads every component with its owner display name from the groups and users', () => {
    expect(all).toHaveLength(backstage.demoComponents);
    for (const name of ['frontend', 'checkout', 'payments', 'inventory', 'shipping']) {
      expect(all.find((o) => o.service === name)?.owner).toBeTruthy();
    }
    expect(byRef('component:default/payments')).toMatchObject({
      owner: 'Payments',
      team: 'team-payments',
      ownerRef: 'group:default/team-payments',
      system: 'payments',
      tier: '1',
      lifecycle: 'production',
      repo: { url: 'https://github.com/shopco/payments' },
      runbook: { url: 'https://runbooks.shop.example/payments' },
      chat: { title: '#team-payments' },
      missing: [],
    });
    expect(byRef('component:default/payments').onCall?.url).toMatch(
      /^https:\/\/app\.pagerduty\.com\/service-directory\/P/
    );
    // Owned by a user: shown by name, their group is the team.
    expect(byRef('component:default/image-resizer')).toMatchObject({ owner: 'Ben Okafor', team: 'team-storefront' });
  });

  it('serves repeated loads from the per-instance cache until the TTL passes', async () => {
    const c = ctx();
    await loadServices(c);
    const first = requests.length;
    await loadServices(c);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(requests.length).toBe(first);
    await loadServices({ ...c, settings: { ...settings, cacheTtlSeconds: 0 } });
    expect(requests.length).toBe(2 * first);
  });

  it('says what the deliberately incomplete entities lack', () => {
    const hints = (ref: string) => Object.fromEntries(byRef(ref).missing.map((m) => [m.field, m.hint]));
    expect(hints('component:default/shipping')).toMatchObject({
      runbook: expect.stringContaining('runbook'),
      tier: expect.stringContaining('tier'),
    });
    expect(hints('component:default/legacy-admin').owner).toBe(
      'owner `user:default/former.employee` is not in the catalog — add it or fix `spec.owner`'
    );
    expect(hints('component:default/orphan-cron').owner).toContain('group:default/team-ghosts');
    expect(hints('component:default/reviews').onCall).toBe('no on-call set — add `pagerduty.com/service-id`');
    expect(byRef('component:default/gift-cards').description).toContain('<img src=x onerror=');
    expect(byRef('component:default/gift-cards').links.map((l) => l.url)).toContain(
      'javascript:alert(document.cookie)'
    );
  });

  it('keeps the two notifications components of different namespaces apart', () => {
    expect(
      all
        .filter((o) => o.service === 'notifications')
        .map((o) => o.namespace)
        .sort()
    ).toEqual(['default', 'labs']);
  });

  it('pages with the cursor and asks only for the fields it maps', async () => {
    const paged = await loadBackstage({ settings, transport: transport() }, 7);
    expect(paged.map((o) => o.ref).sort()).toEqual(all.map((o) => o.ref).sort());
    // 43 components and 22 groups and users, seven per page; later pages send only the cursor.
    expect(requests).toHaveLength(Math.ceil(backstage.demoComponents / 7) + Math.ceil(backstage.demoPeople / 7));
    expect(requests.filter((r) => r.params?.cursor && !r.params.filter)).toHaveLength(requests.length - 2);
    const first = requests.find((r) => String(r.params?.filter) === 'kind=component')!;
    expect(String(first.params?.fields)).not.toContain('spec.definition');
    expect(String(first.params?.fields).split(',')).toContain('relations');
    expect(requests.find((r) => String(r.params?.filter).includes('group'))?.params?.filter).toEqual([
      'kind=group',
      'kind=user',
    ]);
  });
});

describe('queries', () => {
  it('services: filters by owner, system, tier, lifecycle and namespace, multi-value aware', async () => {
    const run = async (catalog: Record<string, string>, vars: Record<string, string | string[]> = {}) =>
      column((await HANDLERS.services({ refId: 'A', queryType: 'services', catalog }, ctx(vars)))[0], 'service');
    expect((await run({})).length).toBe(backstage.demoComponents);
    expect((await run({ owner: '$team' }, { team: ['team-payments', 'team-fulfilment'] })).sort()).toEqual(
      // label-printer is owned by a user of team-fulfilment: the team filter finds it too.
      [
        'carrier-rates',
        'fraud-check',
        'gift-cards',
        'inventory',
        'label-printer',
        'ledger',
        'payment-gateway-adapter',
        'payments',
        'refunds',
        'returns',
        'shipping',
        'warehouse-sync',
      ]
    );
    expect(await run({ lifecycle: 'deprecated' })).toEqual(['legacy-admin']);
    expect(await run({ namespace: 'labs' })).toEqual(['notifications']);
    expect((await run({ system: 'identity', tier: '1' })).sort()).toEqual(['accounts', 'auth', 'sessions']);
    expect(await run({ service: 'nope' })).toEqual([]);
  });

  it('ownership: one row per service of $service, and a notice for names the catalog lacks', async () => {
    const [frame] = await HANDLERS.ownership(
      { refId: 'A', queryType: 'ownership' },
      ctx({ service: ['checkout', 'payments', 'ghost-service'] })
    );
    expect(column(frame, 'service').sort()).toEqual(['checkout', 'payments']);
    expect(column(frame, 'owner').sort()).toEqual(['Checkout', 'Payments']);
    expect(frame.meta?.notices?.[0].text).toContain('ghost-service');
  });

  it('template variables: owners, services of a team, systems, namespaces', async () => {
    const owners = await findVariableValues({ kind: 'owners' }, ctx());
    expect(owners).toContainEqual({ value: 'team-payments', text: 'Payments' });
    const services = await findVariableValues({ kind: 'services', owner: '$team' }, ctx({ team: 'team-fulfilment' }));
    expect(services.map((v) => v.value)).toEqual([
      'carrier-rates',
      'inventory',
      'label-printer',
      'returns',
      'shipping',
      'warehouse-sync',
    ]);
    expect((await findVariableValues({ kind: 'systems' }, ctx())).map((v) => v.value)).toContain('payments');
    expect((await findVariableValues({ kind: 'namespaces' }, ctx())).map((v) => v.value)).toEqual(['default', 'labs']);
  });
});

describe('the Team overview dashboard', () => {
  // Runs the dashboard's own variable and panel queries, as Grafana would, against the catalog.
  const dashboard = JSON.parse(
    require('node:fs').readFileSync(path.join(ROOT, 'src', 'dashboards', 'team-overview.json'), 'utf8')
  );
  const variable = (name: string) => dashboard.templating.list.find((v: { name: string }) => v.name === name);

  it('offers teams, then the services of the chosen team, and shows ownership with hints for $service', async () => {
    const teams = await findVariableValues(variable('team').query, ctx());
    expect(teams.map((t) => t.value)).toContain(variable('team').current.value);
    const services = await findVariableValues(variable('service').query, ctx({ team: variable('team').current.value }));
    expect(services.map((s) => s.value)).toEqual(expect.arrayContaining(variable('service').current.value));

    const vars = { team: variable('team').current.value, service: variable('service').current.value };
    const [ownershipPanel, gapsPanel, tablePanel] = dashboard.panels;
    expect(ownershipPanel.type).toBe('faultline-ownership-panel');
    const [frame] = await HANDLERS[ownershipPanel.targets[0].queryType as 'ownership'](
      ownershipPanel.targets[0],
      ctx(vars)
    );
    expect(column(frame, 'service')).toEqual(['shipping']);
    expect(column(frame, 'missing')[0]).toContain('no runbook');
    const [gaps] = await HANDLERS[gapsPanel.targets[0].queryType as 'services'](gapsPanel.targets[0], ctx(vars));
    const [table] = await HANDLERS[tablePanel.targets[0].queryType as 'services'](tablePanel.targets[0], ctx(vars));
    expect(column(gaps, 'service').sort()).toEqual(services.map((s) => s.value).sort());
    expect(table.length).toBe(gaps.length);
  });
});

describe('authentication and health', () => {
  it('rejects a wrong token with a 401 that says to check the token', async () => {
    const err = await loadServices({
      settings: { ...settings, cacheTtlSeconds: 0 },
      transport: transport('wrong-token'),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toBe('Backstage catalog: not authenticated (401); check the token in the data source settings');
  });

  it('health check: passes against the catalog, and says 401 or unreachable otherwise', async () => {
    expect(await checkHealth(settings, transport(), [catalogProbes])).toMatchObject({
      ok: true,
      message: expect.stringContaining('43 components'),
    });
    expect((await checkHealth(settings, transport('wrong'), [catalogProbes])).message).toContain(
      'not authenticated (401)'
    );
    const closed = `http://127.0.0.1:${await freePort()}`;
    const down = await checkHealth(settings, fetchTransport({ backstage: { url: closed } }), [catalogProbes]);
    expect(down).toMatchObject({ ok: false, message: expect.stringContaining(`cannot connect to ${closed}`) });
  });
});
