/** @jest-environment node */
// Node environment: the catalog's `yaml` resolves to its CommonJS build only here.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { QueryContext } from '../../src/datasource/connectors/context';
import type { FaultlineQuery } from '../../src/datasource/types';
import { backendBody, hostileJson } from './support/arbitraries';
import { vectorBody } from './support/bodies';
import { fuzz, fuzzSummaryAfterAll, FUZZ_TIMEOUT_MS } from './support/harness';
import { checkFrameShape } from './support/schemas';
import { damage, fuzzTransport } from './support/transport';
import { itUpstream, upstreamText, whenUpstream } from '../support/upstreamSamples';

// @grafana/data wants a window and a document when it loads: lend jsdom's, then load the handler.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { scorecardHandler } =
  require('../../src/datasource/handlers/scorecard') as typeof import('../../src/datasource/handlers/scorecard');

const entities = whenUpstream(
  () =>
    parseAllDocuments(upstreamText('backstage/packages__catalog-model__examples__all-components.yaml')).map(
      (d) => d.toJS() as unknown
    ),
  []
);
const journal = JSON.parse(
  readFileSync(
    path.resolve(__dirname, '../../src/datasource/connectors/chaos/fixtures/journals/payments-latency-deviated.json'),
    'utf8'
  )
);

describe('fuzzing the readiness scorecard: catalog, chaos and flows answers, and its own configuration', () => {
  fuzzSummaryAfterAll('scorecard');

  itUpstream(
    'scorecard frames by service, team and rule stay well-formed',
    async () => {
      const arb = fc.record({
        page: backendBody({ items: entities, pageInfo: {} }),
        journal: backendBody(journal),
        vector: vectorBody,
        by: fc.constantFrom('service', 'team', 'rule'),
        config: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileJson }),
        hurt: damage,
      });
      await fuzz(
        'Readiness scorecard',
        arb,
        async (c) => {
          const transport = fuzzTransport((req, n) => {
            if (req.route === 'backstage') {
              return n < 3 ? c.page : { items: [], pageInfo: {} };
            }
            if (req.route === 'journals') {
              return req.path === '/index.json' ? ['/a.json'] : c.journal;
            }
            return c.vector;
          }, c.hurt);
          const ctx: QueryContext = {
            settings: {
              catalogSource: 'backstage',
              backstageUrl: 'http://backstage.example',
              journalsUrl: 'http://journals.example',
              journalIndex: '/index.json',
              prometheusUrl: 'http://prometheus.example',
              cacheTtlSeconds: 0,
            },
            transport,
            range: { from: Date.now() - 3_600_000, to: Date.now() },
            interpolate: (v) => v ?? '',
            scopedVars: {},
            cache: new Map(),
            refId: 'A',
          };
          const query = {
            refId: 'A',
            queryType: 'scorecard',
            scorecard: { by: c.by, config: c.config },
          } as unknown as FaultlineQuery;
          return scorecardHandler(query, ctx);
        },
        (frames) => frames.forEach(checkFrameShape)
      );
    },
    FUZZ_TIMEOUT_MS
  );
});
