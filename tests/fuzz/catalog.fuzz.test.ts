/** @jest-environment node */
// Node environment: `yaml` resolves to its CommonJS build only here (jsdom picks its ES module build).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { loadServices } from '../../src/datasource/connectors/catalog';
import { parseCatalogFile } from '../../src/datasource/connectors/catalog/files/parse';
import type { Transport } from '../../src/datasource/http/transport';
import type { FaultlineOptions } from '../../src/datasource/types';
import { Ownership } from '../../src/model/service';
import { backendBody, hostileString } from './support/arbitraries';
import { fuzz, fuzzSummaryAfterAll, FUZZ_TIMEOUT_MS } from './support/harness';
import { checkFrameShape, checkOwnership } from './support/schemas';
import { damage, fuzzTransport } from './support/transport';
import { itUpstream, upstreamText, whenUpstream } from '../support/upstreamSamples';

// @grafana/data (for the frame) wants a window and a document when it loads: lend jsdom's.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { ownershipFrame } =
  require('../../src/datasource/connectors/catalog/frames') as typeof import('../../src/datasource/connectors/catalog/frames');

const entities = whenUpstream(
  () =>
    [
      'backstage/packages__catalog-model__examples__all-components.yaml',
      'backstage/packages__catalog-model__examples__acme__org.yaml',
      'backstage/packages__catalog-model__examples__acme__team-a-group.yaml',
    ].flatMap((f) => parseAllDocuments(upstreamText(f)).map((d) => d.toJS() as unknown)),
  []
);
const opslevelPage = JSON.parse(
  readFileSync(
    path.resolve(__dirname, '../../src/datasource/connectors/catalog/fixtures/opslevel/services-page-1.json'),
    'utf8'
  )
);

function load(settings: FaultlineOptions, transport: Transport): Promise<Ownership[]> {
  return loadServices({
    settings: { ...settings, cacheTtlSeconds: 0 },
    transport,
    range: { from: 0, to: 1 },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  });
}

function checkServices(services: Ownership[]): void {
  services.forEach(checkOwnership);
  checkFrameShape(ownershipFrame(services));
}

/** YAML that attacks the parser rather than the mapper. */
const YAML_ATTACKS = [
  // Billion laughs: nine levels of ten aliases each would expand to 10^9 strings.
  [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  ].join('\n'),
  'a: &a [*a]',
  'x: &x\n  <<: *x',
  // Nesting deep enough to overflow the parser's stack, but below what kills the process (see yaml-depth.test.ts).
  '['.repeat(1500) + ']'.repeat(1500),
  '- '.repeat(1500) + 'x',
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: !!js/function "function(){alert(1)}"\nspec: {owner: !!binary aGVsbG8=, type: service}`,
  '%YAML 1.1\n---\n' + 'k: v\n'.repeat(500),
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: svc, annotations: {a: *undefined}}',
  '\uFEFFkind: Component\nmetadata: {name: "\\u202Egpj.exe"}\n---\n...\n---\n',
];

describe('fuzzing the catalog connectors: only FaultlineErrors, valid ownership, safe links', () => {
  fuzzSummaryAfterAll('catalog');

  itUpstream(
    'Backstage: entities/by-query pages of mutated upstream example entities',
    async () => {
      const arb = fc.record({
        items: fc.array(backendBody(entities[0]), { maxLength: 4 }),
        more: backendBody({ items: entities, totalItems: entities.length, pageInfo: {} }),
        hurt: damage,
      });
      await fuzz(
        'Backstage',
        arb,
        (c) =>
          load(
            { catalogSource: 'backstage', backstageUrl: 'http://backstage.example' },
            fuzzTransport((_req, n) => {
              const base = c.more as { items?: unknown };
              if (n > 0) {
                return { items: [], pageInfo: {} };
              }
              return base && typeof base === 'object' && Array.isArray(base.items)
                ? { ...base, items: [...base.items, ...c.items] }
                : base;
            }, c.hurt)
          ),
        checkServices
      );
    },
    FUZZ_TIMEOUT_MS
  );

  itUpstream(
    'Catalog files: mutated entities as YAML, YAML bombs and random text',
    async () => {
      const text = fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .array(backendBody(entities[0]), { minLength: 1, maxLength: 3 })
            .map((docs) => docs.map((d) => stringify(d)).join('\n---\n')),
        },
        { weight: 1, arbitrary: fc.constantFrom(...YAML_ATTACKS) },
        { weight: 1, arbitrary: fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 200 })) }
      );
      await fuzz(
        'Catalog files (YAML)',
        fc.record({ text, hurt: damage }),
        async (c) => {
          // parseCatalogFile alone, then the whole connector reading the same text over its route.
          parseCatalogFile(c.text, '/catalog-info.yaml');
          const transport: Transport = async (req) => ({
            ...(await fuzzTransport(() => undefined, c.hurt)(req)),
            text: c.text,
          });
          return load(
            {
              catalogSource: 'catalog-files',
              catalogFilesUrl: 'http://git.example/raw',
              catalogFiles: ['/catalog-info.yaml'],
            },
            transport
          );
        },
        checkServices
      );
    },
    FUZZ_TIMEOUT_MS
  );

  it(
    'OpsLevel: GraphQL service pages',
    async () => {
      await fuzz(
        'OpsLevel',
        fc.record({ body: backendBody(opslevelPage), hurt: damage }),
        (c) =>
          load(
            { catalogSource: 'opslevel', opslevelUrl: 'https://api.opslevel.com' },
            fuzzTransport(
              (_req, n) =>
                n === 0 ? c.body : { data: { account: { services: { nodes: [], pageInfo: { hasNextPage: false } } } } },
              c.hurt
            )
          ),
        checkServices
      );
    },
    FUZZ_TIMEOUT_MS
  );
});
