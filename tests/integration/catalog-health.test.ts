/** @jest-environment node */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import type { FaultlineOptions } from '../../src/datasource/types';

const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { catalogProbes } =
  require('../../src/datasource/connectors/catalog/probe') as typeof import('../../src/datasource/connectors/catalog/probe');
const { loadServices } =
  require('../../src/datasource/connectors/catalog') as typeof import('../../src/datasource/connectors/catalog');
const { checkHealth } = require('../../src/datasource/health') as typeof import('../../src/datasource/health');
const { fetchTransport } =
  require('../../src/datasource/http/fetchTransport') as typeof import('../../src/datasource/http/fetchTransport');
const { TimeoutError } = require('../../src/model') as typeof import('../../src/model');
const { freePort } = require('../../scripts/lib/processes');
const backstage = require('../../demo/backstage/service.js');

// A real Backstage backend with an empty catalog, and a web server that is not Backstage at all
// (a login page, another JSON API, one that never answers in time).
let empty: { url: string; stop: () => Promise<void> };
let other: http.Server;
let otherUrl = '';
const settings: FaultlineOptions = { catalogSource: 'backstage', backstageUrl: 'set per test', cacheTtlSeconds: 0 };
const health = (url: string, extra: Partial<FaultlineOptions> = {}) =>
  checkHealth(
    { ...settings, ...extra },
    fetchTransport({ backstage: { url, headers: { Authorization: `Bearer ${backstage.token}` } } }),
    [catalogProbes]
  );

let dir: string | undefined;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-catalog-'));
  const noLocations = path.join(dir, 'empty-catalog.yaml');
  fs.writeFileSync(noLocations, 'catalog:\n  locations: []\n');
  empty = await backstage.start({
    stateDir: dir,
    ports: { backstage: await freePort() },
    configs: [noLocations],
    expectComponents: 0,
    expectPeople: 0,
    timeoutMs: 120_000,
  });
  other = http.createServer((req, res) => {
    if (req.url?.startsWith('/html/')) {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!DOCTYPE html><html><body><form action="/login">Sign in</form></body></html>');
    } else if (req.url?.startsWith('/json/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","version":"1.2.3"}');
    } else {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}'), 3000);
    }
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
}, 150_000);
afterAll(async () => {
  await empty?.stop();
  await new Promise<void>((r) => (other ? other.close(() => r()) : r()));
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('Backstage health check messages', () => {
  it('an empty catalog: reachable, but says to check catalog.locations', async () => {
    const r = await health(empty.url);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'Backstage catalog: is reachable but holds no components; check catalog.locations and the catalog rules of the Backstage app-config'
    );
  });

  it('a login page instead of the catalog', async () => {
    expect((await health(`${otherUrl}/html`)).message).toContain('answered with an HTML page instead of JSON');
  });

  it('another JSON API: not a Backstage catalog', async () => {
    expect((await health(`${otherUrl}/json`)).message).toContain('not like a Backstage catalog');
  });

  it('a catalog that does not answer in time: a timeout, not a hang', async () => {
    const r = await health(`${otherUrl}/slow`, { timeoutSeconds: 0.5 });
    expect(r.message).toContain('no answer within 500 ms');
    const err = await loadServices({
      settings: { ...settings, backstageUrl: otherUrl, timeoutSeconds: 0.5 },
      transport: fetchTransport({ backstage: { url: `${otherUrl}/slow` } }),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it('an empty catalog loads as no services rather than an error', async () => {
    const services = await loadServices({
      settings: { ...settings, backstageUrl: empty.url },
      transport: fetchTransport({
        backstage: { url: empty.url, headers: { Authorization: `Bearer ${backstage.token}` } },
      }),
    });
    expect(services).toEqual([]);
  });
});
