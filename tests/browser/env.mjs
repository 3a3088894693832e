// The preview with real data behind it: a real Prometheus with request and Beyla flow counters, a
// Chaos Toolkit journal folder and a Backstage catalog API on loopback, and provisioning that wires
// the Faultline data source to them with a recognisable secret.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { createRequire } from 'node:module';
import { journal, startFileServer, startJsonServer, startPrometheus } from './backends.mjs';
import { after, before } from 'node:test';
import { launchBrowser, ROOT, startPreview } from './harness.mjs';

const require = createRequire(import.meta.url);
const backstage = require('../../demo/backstage/service.js');
const { freePort } = require('../../scripts/lib/processes.js');

export const SERVICES = ['frontend', 'checkout', 'payments', 'inventory', 'shipping'];
const CALLS = [
  ['frontend', 'checkout'],
  ['checkout', 'payments'],
  ['checkout', 'inventory'],
  ['checkout', 'shipping'],
];
const ZONE = { frontend: 'zone-a', checkout: 'zone-a', payments: 'zone-b', inventory: 'zone-a', shipping: 'zone-b' };

/** Backstage catalog entities in the shape of upstream-samples/backstage (Component, ownedBy relation). */
export function component(name, { owner = `team-${name}`, description = `The ${name} service`, links = [], annotations = {} } = {}) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { namespace: 'default', name, description, annotations: { 'pagerduty.com/service-id': `P${name.toUpperCase()}`, ...annotations }, links, tags: ['demo'] },
    spec: { type: 'service', lifecycle: 'production', owner, system: 'shop' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

function catalogRoutes(entities) {
  return (req) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname === '/api/catalog/entities/by-query') {
      return { items: entities, totalItems: entities.length, pageInfo: {} };
    }
    if (pathname === '/api/catalog/entities') {
      return entities;
    }
    const byName = pathname.match(/^\/api\/catalog\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)$/);
    if (byName) {
      return entities.find((e) => e.kind.toLowerCase() === byName[1].toLowerCase() && e.metadata.name === byName[3]);
    }
    return undefined;
  };
}

/**
 * @param {{ secret?: string, journals?: object[], entities?: object[], backstage?: { url: string, token: string },
 *   uids?: { faultline?: string, prometheus?: string }, app?: { jsonData?: object } }} options
 *   journals as built by journal(), defaults: four runs on checkout and payments in the last three
 *   hours; `backstage`: a running Backstage to read instead of the loopback catalog (its token
 *   becomes the secret); `uids`: the data sources' uids (default those of provisioning/);
 *   `app`: provision the app enabled with this jsonData; `catalogFiles`: catalog-info.yaml texts by
 *   path, served on loopback and read with the data source's catalog-files backend instead of Backstage;
 *   `store`: a running Prometheus-compatible store ({ url }) to read instead of the loaded one (the
 *   caller stops it); `jsonData`: more settings of the Faultline data source
 */
export async function startPreviewEnv({ secret: chosenSecret, journals, entities, backstage, catalogFiles, uids = {}, app, store, jsonData = {} } = {}) {
  const secret = backstage?.token ?? chosenSecret ?? `faultline-secret-${process.pid}-${Date.now()}`;
  const now = Date.now();
  const runs = journals ?? [
    journal({ title: 'checkout latency 300ms', service: 'checkout', startMs: now - 150 * 60000, minutes: 10 }),
    journal({ title: 'payments 5xx burst', service: 'payments', startMs: now - 90 * 60000, minutes: 8, status: 'failed', deviated: true }),
    journal({ title: 'checkout latency 1s', service: 'checkout', startMs: now - 40 * 60000, minutes: 12 }),
    journal({ title: 'payments latency 500ms', service: 'payments', startMs: now - 20 * 60000, minutes: 6 }),
  ];
  const files = Object.fromEntries(runs.map((j, i) => [`/journals/run-${i + 1}.json`, j]));
  const started = [];
  try {
    const prometheus = store ?? await startPrometheus({
      counters: [
        ...SERVICES.map((s, i) => ({ name: 'demo_requests', labels: { service: s }, rate: 2 + i })),
        // What the demo services and Tempo's service graph expose, as the example dashboards query them.
        ...SERVICES.flatMap((s, i) => [
          { name: 'http_server_requests', labels: { service: s, code: '200' }, rate: 10 + i },
          { name: 'http_server_requests', labels: { service: s, code: '500' }, rate: 0.2 * (i + 1) },
          { name: 'http_server_request_duration_seconds', labels: { service: s }, rate: 10 + i, buckets: { '0.05': 0.6, '0.1': 0.85, '0.25': 0.97, '0.5': 0.99 } },
        ]),
        ...CALLS.flatMap(([client, server], i) => [
          { name: 'traces_service_graph_request', labels: { client, server }, rate: 8 + i },
          { name: 'traces_service_graph_request_failed', labels: { client, server }, rate: 0.1 * (i + 1) },
          { name: 'traces_service_graph_request_server_seconds', labels: { client, server }, rate: 8 + i, buckets: { '0.05': 0.5, '0.1': 0.8, '0.25': 0.95, '0.5': 0.99 } },
        ]),
        ...CALLS.map(([src, dst], i) => ({ name: 'beyla_network_flow_bytes', labels: { src_name: src, dst_name: dst, k8s_src_namespace: 'shop', k8s_dst_namespace: 'shop', src_zone: ZONE[src], dst_zone: ZONE[dst] }, rate: 1000 * (i + 1) })),
      ],
    });
    if (!store) {
      started.push(prometheus);
    }
    const journalsServer = await startJsonServer({ '/journals/index.json': Object.keys(files), ...files });
    started.push(journalsServer);
    const catalog = backstage ?? (await startJsonServer(catalogRoutes(entities ?? SERVICES.map((s) => component(s))), { token: secret }));
    if (!backstage) {
      started.push(catalog);
    }
    const catalogFilesServer = catalogFiles && (await startFileServer(catalogFiles));
    if (catalogFilesServer) {
      started.push(catalogFilesServer);
    }
    const catalogSettings = catalogFilesServer
      ? { catalogSource: 'catalog-files', catalogFilesUrl: catalogFilesServer.url, catalogFiles: Object.keys(catalogFiles) }
      : { catalogSource: 'backstage', backstageUrl: catalog.url };

    const provisioningDir = mkdtempSync(path.join(os.tmpdir(), 'faultline-provisioning-'));
    mkdirSync(path.join(provisioningDir, 'datasources'));
    writeFileSync(
      path.join(provisioningDir, 'datasources', 'test.yaml'),
      YAML.stringify({
        apiVersion: 1,
        datasources: [
          {
            name: 'Faultline',
            type: 'faultline-datasource',
            uid: uids.faultline ?? 'faultline-demo',
            isDefault: true,
            // As provisioning/datasources/faultline.yaml: editable, so its settings page can save.
            editable: true,
            jsonData: { ...catalogSettings, journalsUrl: journalsServer.url, journalIndex: '/journals/index.json', prometheusUrl: prometheus.url, costPerGb: 0.01, timeoutSeconds: 10, ...jsonData },
            secureJsonData: { backstageToken: secret },
          },
          { name: 'Prometheus', type: 'prometheus', uid: uids.prometheus ?? 'faultline-prometheus', url: prometheus.url, jsonData: { timeInterval: '15s' } },
        ],
      })
    );
    if (app) {
      mkdirSync(path.join(provisioningDir, 'plugins'));
      writeFileSync(path.join(provisioningDir, 'plugins', 'apps.yaml'), YAML.stringify({ apiVersion: 1, apps: [{ type: 'faultline-app', org_id: 1, disabled: false, jsonData: app.jsonData ?? {} }] }));
    }
    const preview = await startPreview({ provisioningDir, extraDashboardsDir: path.join(ROOT, 'tests', 'browser', 'fixtures', 'dashboards') });
    return {
      preview,
      prometheus,
      journalsServer,
      catalog,
      secret,
      stop: async () => {
        await preview.stop();
        await Promise.all(started.map((s) => s.stop()));
        rmSync(provisioningDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await Promise.all(started.map((s) => s.stop()));
    throw e;
  }
}

/**
 * The preview environment reading the real Backstage catalog backend of demo/backstage instead of
 * the loopback catalog. `catalog` goes to its starter (configs, expectComponents…); by default it
 * loads the demo shop.
 */
export async function startBackstageEnv(catalog = {}) {
  const started = await backstage.start({ root: ROOT, ports: { backstage: await freePort() }, timeoutMs: 120000, ...catalog });
  try {
    const env = await startPreviewEnv({ backstage: { url: started.url, token: backstage.token } });
    return { ...env, stop: () => env.stop().finally(() => started.stop()) };
  } catch (e) {
    await started.stop();
    throw e;
  }
}

/**
 * The real Backstage of demo/backstage loaded with `entities` only (no demo shop), one preview
 * environment reading it and one browser, for the tests of a file (as previewEnvForFile); `name`
 * names the temporary folder that holds the catalog file, the config and Backstage's state.
 */
export function backstageEnvForFile(name, entities) {
  const ctx = {};
  let dir;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), `faultline-${name}-catalog-`));
    const catalogFile = path.join(dir, `${name}.yaml`);
    writeFileSync(catalogFile, entities.map((e) => YAML.stringify(e)).join('---\n'));
    const config = path.join(dir, `${name}-config.yaml`);
    writeFileSync(config, YAML.stringify({ catalog: { locations: [{ type: 'file', target: catalogFile }] } }));
    const count = (kinds) => entities.filter((e) => kinds.includes(e.kind)).length;
    ctx.env = await startBackstageEnv({ configs: [config], expectComponents: count(['Component']), expectPeople: count(['Group', 'User']), stateDir: dir });
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.env?.stop();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return ctx;
}

/**
 * An environment made by `start` and one browser for the tests of a file: node:test hooks start
 * them before the first test and stop them after the last; `env` and `browser` are set by then.
 */
export function envForFile(start) {
  const ctx = {};
  before(async () => {
    ctx.env = await start();
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.env?.stop();
  });
  return ctx;
}

/**
 * One preview environment (see startPreviewEnv) and one browser for the tests of a file.
 * @returns {{ env?: Awaited<ReturnType<typeof startPreviewEnv>>, browser?: import('playwright-core').Browser }}
 */
export function previewEnvForFile(options) {
  return envForFile(() => startPreviewEnv(options));
}
