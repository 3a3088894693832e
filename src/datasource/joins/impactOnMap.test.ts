import { FlowEdge, FlowGraph, RunImpact, ServiceImpact } from '../../model';
import { edgeChange, joinImpact } from './impactOnMap';

const edge = (source: string, target: string, over: Partial<FlowEdge> = {}): FlowEdge => ({
  source,
  target,
  requestRate: 10,
  errorRate: 0,
  ...over,
});

describe('edgeChange', () => {
  it('calls a rise of the error share by a point or more "errors", with the shares', () => {
    expect(edgeChange(edge('a', 'b'), edge('a', 'b', { errorRate: 4 }), 'requests')).toEqual({
      kind: 'errors',
      reasons: ['error share 0.0% → 40.0%'],
    });
    expect(edgeChange(edge('a', 'b'), edge('a', 'b', { errorRate: 0.05 }), 'requests').kind).toBe('none');
  });

  it('calls lost traffic (a quarter or more, or all of it) "traffic"', () => {
    expect(edgeChange(edge('a', 'b'), edge('a', 'b', { requestRate: 5 }), 'requests')).toEqual({
      kind: 'traffic',
      reasons: ['traffic -50.0%'],
    });
    expect(edgeChange(edge('a', 'b'), undefined, 'requests')).toEqual({
      kind: 'traffic',
      reasons: ['no traffic during the run'],
    });
    expect(edgeChange(edge('a', 'b'), edge('a', 'b', { requestRate: 8 }), 'requests').kind).toBe('none');
  });

  it('reads the preset’s primary rate: bytes for network flows', () => {
    const before = edge('a', 'b', { requestRate: undefined, errorRate: undefined, bytesRate: 1000 });
    expect(edgeChange(before, { ...before, bytesRate: 100 }, 'bytes').kind).toBe('traffic');
    expect(edgeChange(before, { ...before, bytesRate: 900 }, 'bytes').kind).toBe('none');
  });

  it('calls a p95 up by a quarter and 50 ms "latency", and not a smaller one', () => {
    const before = edge('a', 'b', { latencyP95: 0.1 });
    expect(edgeChange(before, { ...before, latencyP95: 0.2 }, 'requests')).toEqual({
      kind: 'latency',
      reasons: ['p95 latency 100 ms → 200 ms'],
    });
    expect(edgeChange(before, { ...before, latencyP95: 0.14 }, 'requests').kind).toBe('none');
  });

  it('says an edge seen only during the run is new traffic', () => {
    expect(edgeChange(undefined, edge('a', 'b'), 'requests')).toEqual({
      kind: 'traffic',
      reasons: ['new during the run'],
    });
  });
});

describe('joinImpact', () => {
  const service = (id: string, impact: ServiceImpact['impact'], reasons: string[] = []): ServiceImpact => ({
    id,
    service: id,
    role: 'neighbour',
    hops: 1,
    impact,
    reasons,
  });
  const impact = {
    services: [service('payments', 'broken', ['error share 0.0% → 90.0%']), service('checkout', 'degraded')],
  } as RunImpact;

  it('puts the measured level on the nodes measured, and nothing on the others', () => {
    const graph: FlowGraph = {
      nodes: [{ id: 'payments' }, { id: 'checkout' }, { id: 'ledger' }],
      edges: [edge('checkout', 'payments'), edge('reports', 'ledger')],
    };
    const baseline: FlowGraph = { nodes: [], edges: [edge('checkout', 'payments')] };
    const during: FlowGraph = { nodes: [], edges: [edge('checkout', 'payments', { errorRate: 9 })] };
    joinImpact(graph, impact, baseline, during, 'requests');
    expect(graph.nodes.map((n) => n.impact?.level)).toEqual(['broken', 'degraded', undefined]);
    expect(graph.nodes[0].impact?.reasons).toEqual(['error share 0.0% → 90.0%']);
    expect(graph.edges[0].impactChange).toEqual({ kind: 'errors', reasons: ['error share 0.0% → 90.0%'] });
    // Seen in neither window: no change, rather than "none".
    expect(graph.edges[1].impactChange).toBeUndefined();
  });
});
