import { ChaosBackend, LoadContext } from '../../src/datasource/connectors/chaos/backend';
import { chaosMeshBackend } from '../../src/datasource/connectors/chaos/chaosmesh';
import { annotationFrame } from '../../src/datasource/connectors/chaos/frames';
import { gremlinBackend } from '../../src/datasource/connectors/chaos/gremlin';
import { journalsBackend } from '../../src/datasource/connectors/chaos/journals';
import { litmusBackend } from '../../src/datasource/connectors/chaos/litmus';
import { toNodeGraphFrames } from '../../src/datasource/connectors/flow/frames';
import { mapFlowGraph } from '../../src/datasource/connectors/flow/mapper';
import { PRESETS } from '../../src/datasource/connectors/flow/presets';
import { FaultlineError } from '../../src/model/errors';
import { encodeSegment } from '../../src/model/safeUrl';
import { checkRun } from './support/schemas';

/*
 * Smallest inputs the fuzzers found that break a chaos connector: a field of the wrong JSON type.
 * Each must either map to a valid run or be refused with a FaultlineError, never a TypeError, and
 * the annotation frame built from the runs must not throw.
 */
const RANGE = { from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 30) };
const T = '2026-11-26T10:00:00Z';

async function outcome(
  backend: ChaosBackend,
  settings: LoadContext['settings'],
  bodies: Record<string, unknown>
): Promise<void> {
  const transport: LoadContext['transport'] = async (req) => ({
    status: 200,
    text: JSON.stringify(bodies[req.path] ?? []),
    headers: {},
  });
  try {
    const { runs } = await backend.load({ settings, transport, range: RANGE, cache: new Map() });
    runs.forEach(checkRun);
    annotationFrame(runs, RANGE.to, RANGE.to);
  } catch (e) {
    if (!(e instanceof FaultlineError)) {
      throw e;
    }
  }
}

const cm = (exp: Record<string, unknown>) =>
  outcome(
    chaosMeshBackend,
    { chaosMeshUrl: 'http://cm' },
    {
      '/api/experiments': [{ uid: 'u1', kind: 'PodChaos', created_at: T, status: 'running', ...exp }],
      '/api/archives': [],
      '/api/events': [],
    }
  );
const gremlin = (task: Record<string, unknown>) =>
  outcome(
    gremlinBackend,
    { gremlinUrl: 'http://g', gremlinTeamId: 't' },
    { '/attacks/range': { items: [{ guid: 'g1', startTime: T, stageLifecycle: 'Complete', ...task }] } }
  );
const litmus = (run: Record<string, unknown>) =>
  outcome(
    litmusBackend,
    { litmusUrl: 'http://l', litmusProjectId: 'p' },
    {
      '/api/query': {
        data: {
          listExperimentRun: {
            totalNoOfExperimentRuns: 1,
            experimentRuns: [{ experimentRunID: 'r1', createdAt: '1795683600000', phase: 'Completed', ...run }],
          },
        },
      },
    }
  );
const journal = (j: Record<string, unknown>) =>
  outcome(
    journalsBackend,
    { journalsUrl: 'http://j', journals: ['/a.json'] },
    { '/a.json': { start: T, end: T, status: 'completed', ...j } }
  );

describe('chaos connectors given fields of the wrong JSON type (found by fuzzing)', () => {
  it('Chaos Mesh: a numeric experiment name', () => cm({ name: 42 }));
  it('Chaos Mesh: a numeric experiment name does not break the annotation frame (it would fail the whole request)', async () => {
    const bodies: Record<string, unknown> = {
      '/api/experiments': [{ uid: 'u1', kind: 'PodChaos', created_at: T, status: 'running', name: 42 }],
    };
    const transport: LoadContext['transport'] = async (req) => ({
      status: 200,
      text: JSON.stringify(bodies[req.path] ?? []),
      headers: {},
    });
    const { runs } = await chaosMeshBackend.load({
      settings: { chaosMeshUrl: 'http://cm' },
      transport,
      range: RANGE,
      cache: new Map(),
    });
    expect(() => annotationFrame(runs, RANGE.to, RANGE.to)).not.toThrow();
  });
  it('Chaos Mesh: a numeric uid', () => cm({ uid: 1768582312591 }));
  it('Chaos Mesh: a boolean namespace', () => cm({ namespace: true }));
  it('Gremlin: targets as a number instead of a list', () => gremlin({ targets: 5 }));
  it('Gremlin: a tag value that is an object', () => gremlin({ tags: { service: { name: 'payments' } } }));
  it('LitmusChaos: a numeric experimentManifest', () => litmus({ experimentManifest: 123 }));
  it('LitmusChaos: a numeric experimentRunID', () => litmus({ experimentRunID: 7 }));
  it('Chaos Toolkit: run as an object instead of a list', () => journal({ run: {} }));
  it('Chaos Toolkit: a numeric experiment title', () => journal({ experiment: { title: 0 } }));
});

describe('flows given a negative sample (found by fuzzing)', () => {
  it('a negative rate never becomes a negative weight or a NaN thickness', () => {
    const flow = (src: string, dst: string, value: string) => ({
      metric: { k8s_src_owner_name: src, k8s_dst_owner_name: dst },
      value: [1795683600, value] as [number, string],
    });
    const { graph } = mapFlowGraph(
      [{ measure: 'bytes', samples: [flow('a', 'b', '600'), flow('a', 'c', '-5')] }],
      PRESETS.beyla.groupings.workload!,
      60
    );
    const edges = toNodeGraphFrames(graph, { primary: 'bytes' })[1];
    const thickness = edges.fields.find((f) => f.name === 'thickness')!.values;
    thickness.forEach((t) => expect(Number.isFinite(t) && t > 0).toBe(true));
  });
});

describe('OpsLevel given fields of the wrong JSON type (found by fuzzing)', () => {
  const { mapOpsLevelService } =
    require('../../src/datasource/connectors/catalog/opslevel/mapper') as typeof import('../../src/datasource/connectors/catalog/opslevel/mapper');
  const map = (extra: Record<string, unknown>) => () => {
    try {
      mapOpsLevelService({ name: 'Checkout', aliases: ['checkout'], ...extra } as Parameters<
        typeof mapOpsLevelService
      >[0]);
    } catch (e) {
      if (!(e instanceof FaultlineError)) {
        throw e;
      }
    }
  };
  it('tags.nodes as a number', () => expect(map({ tags: { nodes: 0 } })).not.toThrow());
  it('tools.nodes as an object', () => expect(map({ tools: { nodes: {} } })).not.toThrow());
});

describe('flows: a workload named like its namespace (found by fuzzing)', () => {
  it('keeps "frontend" in namespace "frontend" apart from a "frontend" without namespace', () => {
    const sample = {
      metric: { source_namespace: 'frontend', source_app: 'frontend', destination_app: 'frontend' },
      value: [1795683600, '1'] as [number, string],
    };
    const { graph } = mapFlowGraph([{ measure: 'flows', samples: [sample] }], PRESETS.hubble.groupings.workload!, 60);
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    graph.edges.forEach((e) => expect(e.source).not.toBe(e.target));
  });
});

describe('flows: a label value that is a number (found by fuzzing)', () => {
  it('is not a name: the series is counted as missing labels and no node gets a numeric id', () => {
    const sample = {
      // The shrunk counterexample: a namespace label a broken store sent as the number 5e-324.
      metric: { k8s_src_namespace: 5e-324, k8s_dst_namespace: 'payments' } as unknown as Record<string, string>,
      value: [1795683600, '1'] as [number, string],
    };
    const { graph, stats } = mapFlowGraph([{ measure: 'bytes', samples: [sample] }], PRESETS.beyla.groupings.namespace!, 60);
    graph.nodes.forEach((n) => expect(typeof n.id).toBe('string'));
    expect(graph.edges).toEqual([]);
    expect(stats.missingLabels).toBe(1);
  });
});

describe('flows: samples so large their sum overflows (found by fuzzing)', () => {
  it('leaves them out as out of range, so no total becomes Infinity', () => {
    const flow = (src: string, dst: string, value: string) => ({
      metric: { k8s_src_owner_name: src, k8s_dst_owner_name: dst },
      value: [1795683600, value] as [number, string],
    });
    const { graph, stats } = mapFlowGraph(
      [{ measure: 'bytes', samples: [flow('a', 'b', '1.5e308'), flow('c', 'b', '1.5e308'), flow('a', 'c', '10')] }],
      PRESETS.beyla.groupings.workload!,
      60
    );
    expect(stats.nonFinite).toBe(2);
    const frames = toNodeGraphFrames(graph, { primary: 'bytes' });
    frames.forEach((f) => f.fields.forEach((field) => field.values.forEach((v) => typeof v === 'number' && expect(Number.isFinite(v)).toBe(true))));
  });
});

describe('links built from backend text with a lone surrogate (found by fuzzing)', () => {
  // encodeURIComponent throws a URIError on a lone surrogate, which JSON can carry.
  it('Chaos Mesh: an experiment uid', () => cm({ uid: 'exp\uD800-1' }));
  it('Gremlin: an attack guid', () => gremlin({ guid: 'g\uDC00' }));
  it('LitmusChaos: a run id', () => litmus({ experimentRunID: 'r\uD800', experimentID: 'e1' }));
  it('encodes the surrogate as U+FFFD and leaves pairs alone', () => {
    expect(encodeSegment('exp\uD800-1')).toBe('exp%EF%BF%BD-1');
    expect(encodeSegment('ok \uD83D\uDE00')).toBe(encodeURIComponent('ok \uD83D\uDE00'));
  });
});
