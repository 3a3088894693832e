/** @jest-environment node */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import type { FaultlineOptions } from '../../src/datasource/types';

const { loadServices } =
  require('../../src/datasource/connectors/catalog') as typeof import('../../src/datasource/connectors/catalog');
const { fetchTransport } =
  require('../../src/datasource/http/fetchTransport') as typeof import('../../src/datasource/http/fetchTransport');

// A plain web server on loopback serving the demo catalog, as a git host's raw URL would.
const CATALOG = path.resolve(__dirname, '..', '..', 'demo', 'backstage', 'catalog');
const extra: Record<string, string> = {};
let server: http.Server;
let base = '';
const served: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    served.push(p);
    if (extra[p] !== undefined) {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(extra[p]);
      return;
    }
    const file = path.join(CATALOG, path.basename(p));
    if (!p.startsWith('/shop/') || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => (served.length = 0));

const load = (files: string[]) => {
  const settings: FaultlineOptions = {
    catalogSource: 'catalog-files',
    catalogFilesUrl: base,
    catalogFiles: files,
    cacheTtlSeconds: 0,
  };
  return loadServices({ settings, transport: fetchTransport({ catalogfiles: { url: base } }) });
};

describe('catalog-info.yaml files over HTTP', () => {
  it('follows the Location to every file and maps the same owners Backstage computes', async () => {
    const services = await load(['/shop/all.yaml']);
    expect(served.sort()).toEqual([
      '/shop/all.yaml',
      '/shop/components.yaml',
      '/shop/labs.yaml',
      '/shop/org.yaml',
      '/shop/systems.yaml',
    ]);
    expect(services).toHaveLength(43);
    expect(services.find((s) => s.ref === 'component:default/payments')).toMatchObject({
      owner: 'Payments',
      ownerRef: 'group:default/team-payments',
      system: 'payments',
      source: 'catalog-files',
    });
    expect(services.find((s) => s.ref === 'component:default/image-resizer')).toMatchObject({
      owner: 'Ben Okafor',
      team: 'team-storefront',
    });
    expect(services.find((s) => s.ref === 'component:labs/notifications')?.ownerRef).toBe(
      'group:default/team-platform'
    );
    expect(services.find((s) => s.service === 'orphan-cron')?.missing.map((m) => m.field)).toContain('owner');
  });

  it('reads a Location cycle once per file', async () => {
    extra['/loop/a.yaml'] =
      'kind: Location\nspec:\n  target: ./b.yaml\n---\nkind: Component\nmetadata:\n  name: a\nspec:\n  owner: x\n';
    extra['/loop/b.yaml'] = 'kind: Location\nspec:\n  target: ./a.yaml\n';
    expect((await load(['/loop/a.yaml'])).map((s) => s.service)).toEqual(['a']);
    expect(served).toEqual(['/loop/a.yaml', '/loop/b.yaml']);
  });

  it('names the file that is missing, or too big, or a YAML bomb', async () => {
    await expect(load(['/shop/nope.yaml'])).rejects.toThrow('Catalog files: HTTP 404: not found');
    extra['/big.yaml'] = `kind: Component\nmetadata:\n  name: big\n  description: "${'x'.repeat(11 * 1024 * 1024)}"\n`;
    await expect(load(['/big.yaml'])).rejects.toThrow('/big.yaml is 11.0 MB, over the 10 MB limit');
    extra['/bomb.yaml'] =
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    await expect(load(['/bomb.yaml'])).rejects.toThrow('YAML bomb');
  });

  it('asks for the URL and files when they are not set', async () => {
    const settings: FaultlineOptions = { catalogSource: 'catalog-files', cacheTtlSeconds: 0 };
    await expect(loadServices({ settings, transport: fetchTransport({}) })).rejects.toThrow(
      'set the catalog files URL and at least one file'
    );
  });
});
