import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { QueryContext } from '../../src/datasource/connectors/context';
import { fetchTransport } from '../../src/datasource/http/fetchTransport';
import { FaultlineOptions } from '../../src/datasource/types';

const CATALOG = path.resolve(__dirname, '..', '..', 'demo', 'backstage', 'catalog');

/** The demo catalog served as catalog-info.yaml files on a free loopback port. */
export async function serveDemoCatalog(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(CATALOG, path.basename(new URL(req.url ?? '/', 'http://x').pathname));
    return fs.existsSync(file)
      ? res.writeHead(200, { 'content-type': 'text/yaml' }).end(fs.readFileSync(file))
      : res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A query context on the demo's Prometheus, chaos runner journals and catalog files, over the last `rangeMs`. */
export function demoContext(
  urls: { prometheus: string; journals: string; catalog: string },
  rangeMs: number,
  extra: Partial<FaultlineOptions> = {}
): QueryContext {
  const now = Date.now();
  return {
    settings: {
      prometheusUrl: urls.prometheus,
      catalogSource: 'catalog-files',
      catalogFilesUrl: urls.catalog,
      catalogFiles: ['/shop/all.yaml'],
      cacheTtlSeconds: 0,
      journalsUrl: urls.journals,
      journalIndex: '/journals/index.json',
      timeoutSeconds: 10,
      ...extra,
    },
    transport: fetchTransport({
      prometheus: { url: urls.prometheus },
      catalogfiles: { url: urls.catalog },
      journals: { url: urls.journals },
    }),
    range: { from: now - rangeMs, to: now },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}
