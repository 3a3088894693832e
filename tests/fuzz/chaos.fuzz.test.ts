import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ChaosBackend, LoadContext } from '../../src/datasource/connectors/chaos/backend';
import { chaosMeshBackend } from '../../src/datasource/connectors/chaos/chaosmesh';
import { annotationFrame, annotationText, experimentsFrame } from '../../src/datasource/connectors/chaos/frames';
import { gremlinBackend } from '../../src/datasource/connectors/chaos/gremlin';
import { journalsBackend } from '../../src/datasource/connectors/chaos/journals';
import { litmusBackend } from '../../src/datasource/connectors/chaos/litmus';
import { ChaosRun } from '../../src/model/chaos';
import type { TransportRequest } from '../../src/datasource/http/transport';
import { backendBody, hostileJson, mutated } from './support/arbitraries';
import { fuzz, fuzzSummaryAfterAll, FUZZ_TIMEOUT_MS } from './support/harness';
import { checkAnnotationFrame, checkFrameShape, checkRun, SchemaViolation } from './support/schemas';
import { damage, fuzzTransport } from './support/transport';
import { itUpstream, upstreamJson } from '../support/upstreamSamples';

const FIXTURES = path.resolve(__dirname, '../../src/datasource/connectors/chaos/fixtures');
const fixture = (p: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, p), 'utf8'));

const RANGE = { from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 30) };
const NOW = Date.UTC(2026, 10, 27);

/** Runs the backend against one case's bodies and checks every run and every frame built from them. */
async function loadAndCheck(
  backend: ChaosBackend,
  settings: LoadContext['settings'],
  answer: (req: TransportRequest, n: number) => unknown,
  hurt: Parameters<typeof fuzzTransport>[1]
) {
  const ctx: LoadContext = { settings, transport: fuzzTransport(answer, hurt), range: RANGE, cache: new Map() };
  return (await backend.load(ctx)).runs;
}

function checkRuns(runs: ChaosRun[]): void {
  runs.forEach(checkRun);
  checkAnnotationFrame(annotationFrame(runs, RANGE.to, NOW));
  checkFrameShape(experimentsFrame(runs, RANGE.to, NOW));
  for (const r of runs) {
    executableMarkup(annotationText(r)).forEach((p) => {
      throw new SchemaViolation(`annotation text of ${r.id}: ${p}`);
    });
  }
}

/** What in the annotation text would execute or navigate when Grafana renders it as HTML. */
export function executableMarkup(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  const problems: string[] = [];
  doc.body.querySelectorAll('*').forEach((el) => {
    const tag = el.tagName.toLowerCase();
    if (!['div', 'b', 'br', 'a'].includes(tag)) {
      problems.push(`<${tag}>`);
    }
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name) || (a.name === 'href' && !/^(https?:|mailto:|\/(?![/\\]))/i.test(a.value))) {
        problems.push(`${a.name}="${a.value.slice(0, 40)}"`);
      }
    }
  });
  return problems;
}

const chaosMesh = {
  events: fixture('chaosmesh/events.json'),
  experiments: fixture('chaosmesh/experiments.json'),
  archives: fixture('chaosmesh/archives.json'),
  workflows: fixture('chaosmesh/workflows.json'),
  details: fixture('chaosmesh/details.json') as Record<string, unknown>,
};

describe('fuzzing the chaos connectors: only FaultlineErrors, valid runs, regions and escaped text', () => {
  fuzzSummaryAfterAll('chaos');

  it(
    'Chaos Mesh: events, experiments, archives, workflows and details',
    async () => {
      const arb = fc.record({
        events: backendBody(chaosMesh.events),
        experiments: backendBody(chaosMesh.experiments),
        archives: backendBody(chaosMesh.archives),
        workflows: backendBody(chaosMesh.workflows),
        details: backendBody(chaosMesh.details),
        hurt: damage,
      });
      await fuzz(
        'Chaos Mesh',
        arb,
        (c) =>
          loadAndCheck(
            chaosMeshBackend,
            { chaosMeshUrl: 'http://chaos-mesh.example:2333' },
            (req) => {
              const detail = /^\/api\/(experiments|archives)\/(.+)$/.exec(req.path);
              if (detail) {
                const all = c.details as Record<string, unknown> | null;
                return all && typeof all === 'object'
                  ? ((all as Record<string, unknown>)[decodeURIComponent(detail[2])] ?? {})
                  : all;
              }
              return {
                '/api/events': c.events,
                '/api/experiments': c.experiments,
                '/api/archives': c.archives,
                '/api/workflows': c.workflows,
              }[req.path];
            },
            c.hurt
          ),
        checkRuns
      );
    },
    FUZZ_TIMEOUT_MS
  );

  it(
    'LitmusChaos: listExperimentRun pages with executionData decoded again',
    async () => {
      const page = fixture('litmus/list-page-0.json') as {
        data: { listExperimentRun: { experimentRuns: Array<Record<string, unknown>> } };
      };
      // executionData is JSON inside a string: mutate the inner document too, then encode it again.
      const inner = page.data.listExperimentRun.experimentRuns.map((r) =>
        r && typeof r.executionData === 'string' ? JSON.parse(r.executionData) : {}
      );
      const arb = fc.record({
        body: backendBody(page),
        inner: fc.array(fc.oneof(mutated(inner[0] ?? {}), hostileJson), { maxLength: 4 }),
        hurt: damage,
      });
      await fuzz(
        'LitmusChaos',
        arb,
        (c) =>
          loadAndCheck(
            litmusBackend,
            { litmusUrl: 'http://litmus.example:9091', litmusProjectId: 'p1' },
            (_req, n) => {
              if (n > 2) {
                return { data: { listExperimentRun: { totalNoOfExperimentRuns: 0, experimentRuns: [] } } };
              }
              const runs = (c.body as typeof page)?.data?.listExperimentRun?.experimentRuns;
              if (Array.isArray(runs)) {
                c.inner.forEach(
                  (x, i) => runs[i] && typeof runs[i] === 'object' && (runs[i].executionData = JSON.stringify(x))
                );
              }
              return c.body;
            },
            c.hurt
          ),
        checkRuns
      );
    },
    FUZZ_TIMEOUT_MS
  );

  it(
    'Gremlin: attacks/range pages',
    async () => {
      const arb = fc.record({
        p1: backendBody(fixture('gremlin/range-page-1.json')),
        p2: backendBody(fixture('gremlin/range-page-2.json')),
        hurt: damage,
      });
      await fuzz(
        'Gremlin',
        arb,
        (c) =>
          loadAndCheck(
            gremlinBackend,
            { gremlinUrl: 'https://api.gremlin.com/v1', gremlinTeamId: 't1' },
            (_req, n) => (n === 0 ? c.p1 : n === 1 ? c.p2 : { items: [] }),
            c.hurt
          ),
        checkRuns
      );
    },
    FUZZ_TIMEOUT_MS
  );

  itUpstream(
    'Chaos Toolkit journals: index and journals, fixtures and real upstream journals',
    async () => {
      const journals = [
        fixture('journals/payments-latency-deviated.json'),
        fixture('journals/checkout-kill-running.json'),
        upstreamJson('chaostoolkit/chaostoolkit__tests__fixtures__check-file-exists-deviated.json'),
        upstreamJson('chaostoolkit/MDRCS__chaos-engineering__journal.json'),
      ];
      const arb = fc.record({
        index: backendBody(fixture('journals/index.json')),
        bodies: fc.array(fc.oneof(...journals.map((j) => backendBody(j))), { minLength: 1, maxLength: 4 }),
        hurt: damage,
      });
      await fuzz(
        'Chaos Toolkit journals',
        arb,
        (c) =>
          loadAndCheck(
            journalsBackend,
            { journalsUrl: 'http://journals.example/runs', journalIndex: '/index.json' },
            (req, n) => (req.path === '/index.json' ? c.index : c.bodies[n % c.bodies.length]),
            c.hurt
          ),
        checkRuns
      );
    },
    FUZZ_TIMEOUT_MS
  );
});
