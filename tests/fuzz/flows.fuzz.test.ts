/** @jest-environment node */
// Node environment: the flow connector reaches the catalog's `yaml`, whose jsdom build is an ES module.
import fc from 'fast-check';
import type { DataFrame } from '@grafana/data';
import { QueryContext } from '../../src/datasource/connectors/context';
import { FLOW_GROUPINGS, FLOW_PRESETS, FlowQuery } from '../../src/datasource/types';
import { readFlowFrames } from '../../src/panels/flowgraph/graph/readFrames';
import { hostileScalar, hostileString } from './support/arbitraries';
import { vectorBody } from './support/bodies';
import { fuzz, fuzzSummaryAfterAll, FUZZ_TIMEOUT_MS } from './support/harness';
import { checkNodeGraphFrames, checkPanelGraph, SchemaViolation } from './support/schemas';
import { damage, fuzzTransport } from './support/transport';

// @grafana/data wants a window and a document when it loads: lend jsdom's, then load the connector.
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const { loadJoinedFlowGraph } = require('../../src/datasource/joins') as typeof import('../../src/datasource/joins');
const { toNodeGraphFrames } =
  require('../../src/datasource/connectors/flow/frames') as typeof import('../../src/datasource/connectors/flow/frames');

const query: fc.Arbitrary<FlowQuery> = fc.record({
  preset: fc.constantFrom(...FLOW_PRESETS.filter((p) => p !== 'custom')),
  grouping: fc.constantFrom(...FLOW_GROUPINGS),
  compareWith: fc.constantFrom('', '', '1h'),
  joinOwners: fc.constant(false),
  joinChaos: fc.constant(false),
});

function context(transport: QueryContext['transport'], costPerGb?: number): QueryContext {
  return {
    settings: { prometheusUrl: 'http://prometheus.example', costPerGb, timeoutSeconds: 5 },
    transport,
    range: { from: 1795680000000, to: 1795683600000 },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}

/** Anything a data source might put in a node graph frame: right and wrong names, types and lengths. */
const FIELD_NAMES = [
  'id',
  'title',
  'subtitle',
  'mainstat',
  'secondarystat',
  'color',
  'icon',
  'arc__errors',
  'arc__success',
  'highlighted',
  'detail__owner',
  'detail__bytes',
  'detail__chaos',
  'detail__diff',
  'detail__cross_zone',
  'source',
  'target',
  'thickness',
  'strokeDasharray',
];
const field = fc.record({
  name: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: hostileString }),
  type: fc.constantFrom('string', 'number', 'boolean', 'time', 'other'),
  values: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', 'a->b', 'target', 'upstream', 'new') },
      { weight: 2, arbitrary: hostileScalar },
      fc.constant(undefined),
      fc.double()
    ),
    { maxLength: 12 }
  ),
  config: fc.constant({}),
});
const frame = fc
  .record({
    name: fc.option(fc.oneof(fc.constantFrom('nodes', 'edges', 'Nodes', 'edges-2'), hostileString), { nil: undefined }),
    fields: fc.array(field, { maxLength: 8 }),
    meta: fc.option(fc.record({ preferredVisualisationType: fc.constantFrom('nodeGraph', 'table') }), {
      nil: undefined,
    }),
  })
  .map((f) => ({ ...f, length: f.fields[0]?.values.length ?? 0 }) as unknown as DataFrame);

describe('fuzzing flows: Prometheus answers to node graph frames, and any frames to the panel graph', () => {
  fuzzSummaryAfterAll('flows');

  it(
    'Prometheus responses → flow graph → node graph frames → flow graph panel',
    async () => {
      const arb = fc.record({
        q: query,
        bodies: fc.array(vectorBody, { minLength: 1, maxLength: 6 }),
        hurt: damage,
        cost: fc.option(fc.constantFrom(0.01, 0.02), { nil: undefined }),
      });
      await fuzz(
        'Prometheus responses to flow frames',
        arb,
        async (c) => {
          const result = await loadJoinedFlowGraph(
            context(
              fuzzTransport((_req, n) => c.bodies[n % c.bodies.length], c.hurt),
              c.cost
            ),
            c.q
          );
          return toNodeGraphFrames(result.graph, {
            primary: result.primary,
            notices: result.notices,
            pricePerGb: c.cost,
            preset: c.q.preset,
          });
        },
        (frames) => {
          checkNodeGraphFrames(frames);
          const read = readFlowFrames(frames);
          if (read.fatal) {
            throw new SchemaViolation(
              `the panel cannot read the data source's own frames: ${JSON.stringify(read.errors)}`
            );
          }
          checkPanelGraph(read.graph);
        }
      );
    },
    FUZZ_TIMEOUT_MS
  );

  it(
    'node graph frames from any data source → flow graph panel',
    async () => {
      await fuzz(
        'Node graph frame reader',
        fc.array(frame, { maxLength: 4 }),
        (frames) => readFlowFrames(frames),
        (read) => checkPanelGraph(read.graph)
      );
    },
    FUZZ_TIMEOUT_MS
  );
});
