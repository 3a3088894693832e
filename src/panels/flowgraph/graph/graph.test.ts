import { graphOf } from '../testkit/graph';
import { buildAdjacency, hopDistances } from './adjacency';
import { blastRoles } from './chaos';
import { collapseGroups } from './collapse';
import { summarize } from './summary';

describe('hopDistances', () => {
  const g = graphOf(['a>b', 'b>c', 'c>d', 'x>b']);
  const adj = buildAdjacency(g.nodes.length, g.edges);
  const at = (d: Int32Array) => Object.fromEntries(g.nodes.map((n, i) => [n.id, d[i]]));

  it('walks both directions up to N hops', () => {
    expect(at(hopDistances(adj, [g.index.get('b')!], 1, 'both'))).toEqual({ a: 1, b: 0, c: 1, d: -1, x: 1 });
  });

  it('follows calls downstream or callers upstream', () => {
    expect(at(hopDistances(adj, [g.index.get('b')!], 5, 'out'))).toEqual({ a: -1, b: 0, c: 1, d: 2, x: -1 });
    expect(at(hopDistances(adj, [g.index.get('c')!], 5, 'in'))).toEqual({ a: 2, b: 1, c: 0, d: -1, x: 2 });
  });
});

describe('blastRoles', () => {
  it('derives upstream and downstream from marked targets', () => {
    const g = graphOf(['web>api', 'api>db', 'db>disk', 'batch>db'], { api: { chaos: 'target' } });
    const roles = blastRoles(g.nodes, buildAdjacency(g.nodes.length, g.edges), 1);
    expect(Object.fromEntries(g.nodes.map((n, i) => [n.id, roles[i]]))).toEqual({
      api: 'target',
      web: 'upstream',
      db: 'downstream',
      disk: undefined,
      batch: undefined,
    });
  });

  it('keeps roles the data source wrote', () => {
    const g = graphOf(['a>b', 'b>c'], { b: { chaos: 'target' }, c: { chaos: 'upstream' } });
    // a is a caller of the target, but the data source did not say so: it stays unmarked
    expect(blastRoles(g.nodes, buildAdjacency(3, g.edges))).toEqual(['target', 'upstream', undefined]);
  });
});

describe('collapseGroups', () => {
  const g = graphOf(
    ['a1>a2', 'a1>b1', 'a2>b1', 'b1>c1', 'c1>a2'],
    {
      a1: { team: 'alpha', bytes: 1, chaos: 'target' },
      a2: { team: 'alpha', bytes: 2 },
      b1: { team: 'beta' },
      c1: {},
    },
    { 'a1>b1': { bytes: 10, cost: 1, diff: 'new' }, 'a2>b1': { bytes: 5, cost: 2, diff: 'same' } }
  );

  it('merges the members and their edges into one node', () => {
    const c = collapseGroups(g, 'team', new Set(['alpha']));
    expect(c.nodes.map((n) => n.id)).toEqual(['group:alpha', 'b1', 'c1']);
    expect(c.nodes[0]).toMatchObject({ title: 'alpha', members: [0, 1], bytes: 3, chaos: 'target', team: 'alpha' });
    const ab = c.edges.find((e) => e.id === 'group:alpha->b1')!;
    expect(ab).toMatchObject({ source: 0, target: 1, weight: 2, bytes: 15, cost: 3, diff: 'changed' });
    expect(c.edges.map((e) => e.id).sort()).toEqual(['b1>c1', 'c1->group:alpha', 'group:alpha->b1']);
    expect(c.index.get('c1')).toBe(2);
  });

  it('groups nodes without a team under (none)', () => {
    const c = collapseGroups(g, 'team', new Set(['(none)']));
    expect(c.nodes.map((n) => n.id)).toEqual(['a1', 'a2', 'b1', 'group:(none)']);
  });

  it('returns the same graph when nothing is collapsed', () => {
    expect(collapseGroups(g, 'team', new Set())).toBe(g);
    expect(collapseGroups(g, 'none', new Set(['alpha']))).toBe(g);
  });
});

describe('summarize', () => {
  it('counts overlays and ranks the costliest edges', () => {
    const g = graphOf(
      ['a>b', 'b>c', 'c>a', 'a>c'],
      {},
      {
        'a>b': { cost: 3, crossZone: true, diff: 'new' },
        'b>c': { cost: 7, crossZone: true, diff: 'vanished' },
        'c>a': { cost: 0, diff: 'same' },
      }
    );
    const s = summarize(g.edges, ['target', 'upstream', undefined]);
    expect(s.totalCost).toBe(10);
    expect(s.costliest).toEqual([1, 0]);
    expect(s.crossZoneEdges).toBe(2);
    expect(s.diff).toEqual({ new: 1, vanished: 1, changed: 0, same: 1 });
    expect(s.chaos).toEqual({ target: 1, upstream: 1, downstream: 0 });
  });

  it('has no total when nothing is priced', () => {
    expect(summarize(graphOf(['a>b']).edges, []).totalCost).toBeUndefined();
  });
});
