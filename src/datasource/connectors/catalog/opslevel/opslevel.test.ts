/** @jest-environment node */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { AuthError, BackendError } from '../../../../model';
import { fetchTransport } from '../../../http/fetchTransport';
import { loadOpsLevel } from '.';
import { mapOpsLevelService } from './mapper';
import { OlServicesResponse } from './types';

const fixture = (name: string): OlServicesResponse =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'opslevel', name), 'utf8'));

// A loopback server answering OpsLevel's GraphQL endpoint with the contract fixtures, page by cursor.
let server: http.Server;
let base = '';
let mode: 'ok' | 'errors' | '401' = 'ok';
const bodies: Array<{ query: string; variables: { after: string | null; first: number } }> = [];
const paths: string[] = [];
const auth: Array<string | undefined> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body);
      bodies.push(parsed);
      paths.push(req.url ?? '');
      auth.push(req.headers.authorization);
      const send = (status: number, payload: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      if (mode === '401') {
        send(401, { errors: [{ message: 'Invalid token' }] });
        return;
      }
      if (mode === 'errors') {
        send(200, fixture('error-graphql.json'));
        return;
      }
      send(200, fixture(parsed.variables.after === 'Mg' ? 'services-page-2.json' : 'services-page-1.json'));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  mode = 'ok';
  bodies.length = 0;
  auth.length = 0;
  paths.length = 0;
});

// As the data proxy does: the route URL is the setting, the client adds a path below it.
const load = (opslevelUrl = `${base}/graphql`) =>
  loadOpsLevel({
    settings: { catalogSource: 'opslevel', opslevelUrl },
    transport: fetchTransport({ opslevel: { url: opslevelUrl, headers: { Authorization: 'Bearer ol-token' } } }),
  });

describe('OpsLevel connector', () => {
  it('follows endCursor while hasNextPage and maps every service', async () => {
    const services = await load();
    expect(bodies.map((b) => b.variables)).toEqual([
      { after: null, first: 100 },
      { after: 'Mg', first: 100 },
    ]);
    expect(bodies[0].query).toContain('services(after: $after, first: $first)');
    expect(auth).toEqual(['Bearer ol-token', 'Bearer ol-token']);
    expect(services.map((s) => s.service)).toEqual(['checkout', 'payments', 'shipping']);
    expect(paths).toEqual(['/graphql', '/graphql']);
  });

  it('accepts the endpoint URL or only the host', async () => {
    await load(base);
    expect(paths).toEqual(['/graphql', '/graphql']);
  });

  it('maps owner, tier, lifecycle, system and tools to ownership fields', async () => {
    const [checkout] = await load();
    expect(checkout).toMatchObject({
      ref: 'opslevel:checkout',
      title: 'Checkout',
      owner: 'Checkout',
      team: 'team_checkout',
      tier: 'Tier 1',
      lifecycle: 'generally_available',
      system: 'checkout_system',
      onCall: { kind: 'oncall', title: 'PagerDuty', url: 'https://shopco.pagerduty.com/service-directory/PCHK001' },
      runbook: { title: 'Runbook (production)', url: 'https://runbooks.shop.example/checkout' },
      repo: { url: 'https://github.com/shopco/checkout' },
      chat: { kind: 'chat', title: 'Slack Channel', url: '' },
      tags: ['lang:go', 'pci'],
      missing: [],
    });
    expect(checkout.contacts).toContainEqual({ name: 'Carla Diaz', value: 'carla.diaz@shop.example', kind: 'oncall' });
    expect(checkout.links.find((l) => l.kind === 'dashboard')?.url).toBe('https://grafana.shop.example/d/checkout');
  });

  it('says in OpsLevel terms what a bare service lacks, and doing what the hints say fills it', () => {
    const bare = fixture('services-page-2.json').data!.account!.services!.nodes![0]!;
    const hints = Object.fromEntries(mapOpsLevelService(bare)!.missing.map((m) => [m.field, m.hint]));
    expect(Object.keys(hints)).toEqual(['owner', 'onCall', 'runbook', 'repo', 'tier', 'lifecycle', 'system']);
    // OpsLevel has no annotations: every hint sends the reader to OpsLevel, never to a catalog-info key.
    expect(Object.values(hints).filter((h) => !h.endsWith(' in OpsLevel') || h.includes('`'))).toEqual([]);
    expect(hints.onCall).toContain('"incidents" tool');
    expect(hints.runbook).toContain('"runbooks" tool');
    expect(hints.repo).toContain('"code" tool');
    const tool = (category: string) => ({ category, url: `https://tools.shop.example/${category}` });
    const followed = mapOpsLevelService({
      ...bare,
      owner: { name: 'Logistics', alias: 'team_logistics' },
      tier: { name: 'Tier 2' },
      lifecycle: { alias: 'beta' },
      parent: { aliases: ['logistics_system'] },
      tools: { nodes: [tool('incidents'), tool('runbooks'), tool('code')] },
    })!;
    expect(followed.missing).toEqual([]);
  });

  it('says a runbook tool whose link is not shown is not shown, not that there is none', () => {
    const bare = fixture('services-page-2.json').data!.account!.services!.nodes![0]!;
    const service = mapOpsLevelService({
      ...bare,
      tools: { nodes: [{ category: 'runbooks', displayName: 'Runbook', url: 'javascript:alert(1)' }] },
    })!;
    const runbook = service.missing.find((m) => m.field === 'runbook');
    expect(runbook?.hint).toContain('link is not an http(s) or mailto URL, so it is not shown');
    expect(service.missing.find((m) => m.field === 'tier')?.hint).toContain('in OpsLevel');
  });

  it('keeps a javascript: tool URL as data for the panel to refuse', async () => {
    const [, payments] = await load();
    expect(payments.docs).toEqual({ kind: 'docs', title: 'Wiki', url: 'javascript:alert(document.cookie)' });
  });

  it('turns GraphQL errors and a rejected token into clear errors', async () => {
    mode = 'errors';
    await expect(load()).rejects.toThrow(
      new BackendError("Field 'onCalls' doesn't exist on type 'Service'", 'OpsLevel')
    );
    mode = '401';
    await expect(load()).rejects.toBeInstanceOf(AuthError);
  });
});
