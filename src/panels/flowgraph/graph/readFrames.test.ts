import { createDataFrame, type DataFrame, FieldType } from '@grafana/data';
import { syntheticFrames } from '../testkit/synthetic';
import { formatDataError, type FlowDataError } from './dataErrors';
import { readFlowFrames } from './readFrames';

function nodes(ids: string[], extra: Record<string, unknown[]> = {}): DataFrame {
  return createDataFrame({
    name: 'nodes',
    fields: [
      { name: 'id', type: FieldType.string, values: ids },
      ...Object.entries(extra).map(([name, values]) => ({ name, values })),
    ],
  });
}

function edges(pairs: Array<[string, string]>, extra: Record<string, unknown[]> = {}): DataFrame {
  return createDataFrame({
    name: 'edges',
    fields: [
      { name: 'id', type: FieldType.string, values: pairs.map(([s, t]) => `${s}-${t}`) },
      { name: 'source', type: FieldType.string, values: pairs.map((p) => p[0]) },
      { name: 'target', type: FieldType.string, values: pairs.map((p) => p[1]) },
      ...Object.entries(extra).map(([name, values]) => ({ name, values })),
    ],
  });
}

const kinds = (errors: FlowDataError[]) => errors.map((e) => e.kind);

describe('readFlowFrames', () => {
  it('reads nodes, edges and Faultline detail fields', () => {
    const res = readFlowFrames([
      nodes(['a', 'b'], { detail__team: ['payments', 'search'], detail__chaos: ['target: pod-kill', null] }),
      edges([['a', 'b']], {
        detail__bytes: [2048],
        detail__diff: ['NEW'],
        detail__cross_zone: ['a → b'],
        detail__cost: [1.5],
      }),
    ]);
    expect(res.errors).toEqual([]);
    expect(res.graph.nodes.map((n) => [n.id, n.team, n.chaos])).toEqual([
      ['a', 'payments', 'target'],
      ['b', 'search', undefined],
    ]);
    expect(res.graph.edges[0]).toMatchObject({
      source: 0,
      target: 1,
      weight: 2048,
      diff: 'new',
      crossZone: true,
      cost: 1.5,
    });
    // node totals come from the edges when the nodes frame has none
    expect(res.graph.nodes[0].bytes).toBe(2048);
    expect(res.graph.nodes[1].cost).toBe(0);
  });

  it('reads the measured impact of a run on nodes and what changed on edges, the word before the reasons', () => {
    const res = readFlowFrames([
      nodes(['a', 'b', 'c'], {
        detail__impact: ['broken: error share 0.0% → 90.0%', 'Degraded', 'maybe'],
      }),
      edges(
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
        { detail__impact_change: ['errors: error share 0.0% → 40.0%', null] }
      ),
    ]);
    expect(res.graph.nodes.map((n) => n.impact)).toEqual(['broken', 'degraded', undefined]);
    expect(res.graph.edges.map((e) => e.change)).toEqual(['errors', undefined]);
  });

  it('reads strokeDasharray as Grafana draws it: any dash array is dashed, nothing or "none" solid', () => {
    const res = readFlowFrames([
      nodes(['a', 'b', 'c', 'd', 'e']),
      edges(
        [
          ['a', 'b'],
          ['a', 'c'],
          ['a', 'd'],
          ['a', 'e'],
        ],
        { strokeDasharray: ['4 4', null, 'none', '2,6'] }
      ),
    ]);
    expect(res.graph.edges.map((e) => e.dashed)).toEqual([true, false, false, true]);
  });

  it('reads a Tempo service graph (arc__failed, mainstat numbers, no detail fields)', () => {
    const res = readFlowFrames([
      nodes(['user', 'api'], {
        title: ['user', 'api'],
        mainstat: [12.5, 3],
        arc__success: [1, 0.8],
        arc__failed: [0, 0.2],
      }),
      edges([['user', 'api']], { mainstat: [7] }),
    ]);
    expect(res.errors).toEqual([]);
    expect(res.graph.nodes[1].errorShare).toBeCloseTo(0.2);
    expect(res.graph.edges[0].weight).toBe(7);
  });

  it('derives nodes from an edges-only frame', () => {
    const res = readFlowFrames([
      edges([
        ['x', 'y'],
        ['y', 'z'],
      ]),
    ]);
    expect(res.graph.nodes.map((n) => n.id)).toEqual(['x', 'y', 'z']);
    expect(res.graph.edges).toHaveLength(2);
  });

  it('skips edges to unknown nodes and says which', () => {
    const res = readFlowFrames([
      nodes(['a', 'b']),
      edges([
        ['a', 'b'],
        ['a', 'ghost'],
        ['nobody', 'b'],
      ]),
    ]);
    expect(res.graph.edges).toHaveLength(1);
    const err = res.errors.find((e) => e.kind === 'missing-endpoints');
    expect(err).toMatchObject({ count: 2 });
    expect(formatDataError(err!)).toContain('“ghost”');
  });

  it('keeps the first of duplicate ids, drops self-loops, counts NaN stats', () => {
    const res = readFlowFrames([
      nodes(['a', 'a', 'b'], { title: ['first', 'second', 'b'] }),
      edges(
        [
          ['a', 'b'],
          ['b', 'b'],
        ],
        { mainstat: [NaN, 'Inf'] }
      ),
    ]);
    expect(res.graph.nodes.map((n) => n.title)).toEqual(['first', 'b']);
    expect(res.graph.edges).toHaveLength(1);
    expect(kinds(res.errors).sort()).toEqual(['duplicate-ids', 'invalid-stats', 'self-loops']);
    expect(res.errors.find((e) => e.kind === 'invalid-stats')).toMatchObject({
      frame: 'edges',
      field: 'mainstat',
      count: 1,
    });
    expect(res.graph.edges[0].weight).toBe(0);
  });

  it('counts each invalid detail number once, whichever stat the edge weight came from', () => {
    const res = readFlowFrames([
      nodes(['a', 'b', 'c']),
      edges(
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
        { detail__bytes: [10, null], detail__requests: [null, 'lots'], detail__flows: ['many', null] }
      ),
    ]);
    const invalid = res.errors.filter((e) => e.kind === 'invalid-stats');
    expect(invalid).toEqual([
      { kind: 'invalid-stats', frame: 'edges', field: 'detail__requests', count: 1 },
      { kind: 'invalid-stats', frame: 'edges', field: 'detail__flows', count: 1 },
    ]);
  });

  it('reports empty and missing data without failing', () => {
    expect(readFlowFrames([]).fatal).toBe(true);
    expect(kinds(readFlowFrames([]).errors)).toEqual(['no-frames']);
    const empty = readFlowFrames([nodes([]), edges([])]);
    expect(empty.fatal).toBe(false);
    expect(kinds(empty.errors)).toEqual(['empty']);
  });

  it('says what a frame that is not node graph data lacks', () => {
    const table = createDataFrame({
      name: 'cpu',
      fields: [
        { name: 'time', values: [1] },
        { name: 'value', values: [2] },
      ],
    });
    const res = readFlowFrames([table]);
    expect(res.fatal).toBe(true);
    expect(formatDataError(res.errors[0])).toMatch(
      /Frame “cpu” is not node graph data.*id field.*source and target.*time, value/
    );
    const half = readFlowFrames([createDataFrame({ name: 'edges', fields: [{ name: 'source', values: ['a'] }] })]);
    expect(formatDataError(half.errors[0])).toBe('The edges frame has no target field, which the flow map needs.');
  });

  it('degrades 50,000 nodes to the limit with a notice, keeping chaos targets', () => {
    const res = readFlowFrames(syntheticFrames({ nodes: 50_000, seed: 3 }), 10_000);
    expect(res.graph.nodes).toHaveLength(10_000);
    expect(res.errors).toContainEqual({ kind: 'too-many-nodes', total: 50_000, shown: 10_000 });
    expect(res.graph.nodes.some((n) => n.chaos === 'target')).toBe(true);
    for (const e of res.graph.edges) {
      expect(e.source).toBeLessThan(10_000);
      expect(e.target).toBeLessThan(10_000);
    }
    expect(res.graph.index.get(res.graph.nodes[9_999].id)).toBe(9_999);
  });

  it('formats every error kind as one readable sentence', () => {
    const all: FlowDataError[] = [
      { kind: 'no-frames' },
      { kind: 'not-node-graph', frame: 'x', fields: [] },
      { kind: 'missing-field', frame: 'nodes', field: 'id' },
      { kind: 'empty', frame: 'edges' },
      { kind: 'missing-endpoints', count: 5, examples: [{ edge: 'e', side: 'target', id: 'q' }] },
      { kind: 'duplicate-ids', frame: 'edges', count: 4, examples: ['a', 'b', 'c'] },
      { kind: 'self-loops', count: 1, examples: ['l'] },
      { kind: 'invalid-stats', frame: 'nodes', field: 'detail__bytes', count: 2 },
      { kind: 'too-many-nodes', total: 50_000, shown: 20_000 },
    ];
    const texts = all.map(formatDataError);
    expect(new Set(texts).size).toBe(all.length);
    expect(texts[5]).toContain('and 1 more');
    expect(texts[8]).toContain('20,000 busiest of 50,000');
  });
});
