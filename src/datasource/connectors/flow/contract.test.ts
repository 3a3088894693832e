import { EDGE_DETAILS, FlowEdge, FlowGraph, FlowNodeInfo, NODE_DETAILS } from '../../../model';
import { readFlowFrames } from '../../../panels/flowgraph/graph/readFrames';
import { toNodeGraphFrames } from './frames';

// The frame contract is one table per frame: what the data source writes is what the flow map reads.
const node: FlowNodeInfo = {
  id: 'web',
  namespace: 'shop',
  zone: 'eu-1a',
  cluster: 'prod',
  owner: 'Ann',
  team: 'payments',
  catalogNamespace: 'default',
  chaos: 'target',
  chaosRuns: ['pod-kill'],
  impact: { level: 'broken', reasons: ['error share 0.0% → 91.0%'] },
};
const edge: FlowEdge = {
  source: 'web',
  target: 'db',
  bytesRate: 2048,
  requestRate: 10,
  errorRate: 2,
  flowRate: 4,
  crossZoneBytesTotal: 1e9,
  sourceZone: 'eu-1a',
  targetZone: 'eu-1b',
  cost: 0.01,
  diff: 'changed',
  impactChange: { kind: 'errors', reasons: ['error share 0.0% → 40.0%'] },
};
const graph: FlowGraph = { nodes: [node, { id: 'db' }], edges: [edge] };

describe('node graph frame contract', () => {
  const frames = toNodeGraphFrames(graph, { primary: 'bytes', pricePerGb: 0.01 });
  const read = readFlowFrames(frames);

  it('writes every detail field with its label and unit from the table', () => {
    const [nodes, edges] = frames;
    for (const [table, frame] of [
      [NODE_DETAILS, nodes],
      [EDGE_DETAILS, edges],
    ] as const) {
      for (const d of Object.values(table)) {
        const f = frame.fields.find((x) => x.name === d.name);
        if (f) {
          expect(f.config.displayName).toBe(d.label);
          expect(f.config.unit).toBe('unit' in d ? d.unit : 'mainUnit' in d ? 'Bps' : undefined);
        }
      }
    }
  });

  it('reads back every node field Faultline writes and the map reads', () => {
    const back = read.graph.nodes[0] as unknown as Record<string, unknown>;
    const expected: Record<string, unknown> = { ...node, chaos: 'target', impact: 'broken' };
    const both = Object.entries(NODE_DETAILS).filter(([, d]) => 'of' in d && 'read' in d);
    expect(both.map(([k]) => k).sort()).toEqual(
      ['catalogNamespace', 'chaos', 'cluster', 'impact', 'namespace', 'owner', 'team', 'zone'].sort()
    );
    for (const [key] of both) {
      expect([key, back[key]]).toEqual([key, expected[key]]);
    }
  });

  it('reads back every edge measure Faultline writes and the map reads', () => {
    const back = read.graph.edges[0];
    expect(back).toMatchObject({
      bytes: 2048,
      requests: 10,
      errors: 2,
      errorShare: 0.2,
      flows: 4,
      cost: 0.01,
      crossZone: true,
      diff: 'changed',
      change: 'errors',
    });
    const both = Object.entries(EDGE_DETAILS).filter(([, d]) => 'of' in d && 'read' in d);
    for (const [key] of both) {
      expect([key, (back as unknown as Record<string, unknown>)[key]]).not.toEqual([key, undefined]);
    }
  });
});
