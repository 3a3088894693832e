import { DataFrame } from '@grafana/data';
import { FlowDetail, FlowGraph } from '../../../model';
import { toNodeGraphFrames } from './frames';

const field = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name);
const values = (f: DataFrame, name: string) => field(f, name)?.values;

const graph: FlowGraph = {
  nodes: [
    {
      id: 'shop/frontend',
      title: 'frontend',
      namespace: 'shop',
      zone: 'eu-1a',
      owner: 'Team Web',
      team: 'web',
      chaos: 'upstream',
      chaosRuns: ['pod-kill'],
    },
    { id: 'shop/checkout', title: 'checkout', namespace: 'shop', chaos: 'target', chaosRuns: ['pod-kill'] },
  ],
  edges: [
    {
      source: 'shop/frontend',
      target: 'shop/checkout',
      bytesRate: 1000,
      requestRate: 10,
      errorRate: 1,
      crossZoneBytesTotal: 5e9,
      sourceZone: 'eu-1a',
      targetZone: 'eu-1b',
      cost: 0.05,
      diff: 'changed',
      previousRate: 400,
    },
    { source: 'shop/checkout', target: 'shop/frontend', bytesRate: 250, diff: 'vanished' },
  ],
  totalCost: 0.05,
};

describe('toNodeGraphFrames', () => {
  const [nodes, edges] = toNodeGraphFrames(graph, {
    primary: 'bytes',
    pricePerGb: 0.01,
    notices: [{ severity: 'warning', text: 'partial data' }],
    preset: 'beyla',
  });

  it('names the frames as the Node Graph panel expects and asks for it', () => {
    expect(nodes.name).toBe('nodes');
    expect(edges.name).toBe('edges');
    expect(nodes.meta?.preferredVisualisationType).toBe('nodeGraph');
    expect(edges.meta?.preferredVisualisationType).toBe('nodeGraph');
    expect(nodes.meta?.notices).toEqual([{ severity: 'warning', text: 'partial data' }]);
    expect(nodes.meta?.custom).toMatchObject({ totalCost: 0.05, pricePerGb: 0.01 });
  });

  it('gives each node stats and arcs that sum to one', () => {
    expect(values(nodes, 'id')).toEqual(['shop/frontend', 'shop/checkout']);
    expect(values(nodes, 'mainstat')).toEqual(['1.25 kB/s', '1.25 kB/s']);
    const err = values(nodes, 'arc__errors')!;
    const ok = values(nodes, 'arc__success')!;
    expect(err[1]).toBeCloseTo(0.1);
    err.forEach((e, i) => expect(e + ok[i]).toBeCloseTo(1));
    expect(field(nodes, 'arc__errors')?.config.color).toMatchObject({ mode: 'fixed' });
  });

  it('carries owner, team, zone and chaos role as details, and highlights chaos targets', () => {
    expect(values(nodes, FlowDetail.owner)).toEqual(['Team Web', null]);
    expect(values(nodes, FlowDetail.chaos)).toEqual(['upstream: pod-kill', 'target: pod-kill']);
    expect(values(nodes, 'highlighted')).toEqual([false, true]);
    expect(values(nodes, 'subtitle')).toEqual(['shop · eu-1a', 'shop']);
  });

  it('gives edges throughput, cost, diff and dashes for vanished edges', () => {
    expect(values(edges, 'id')).toEqual(['shop/frontend->shop/checkout', 'shop/checkout->shop/frontend']);
    expect(values(edges, 'mainstat')).toEqual(['1 kB/s', '250 B/s']);
    expect(values(edges, FlowDetail.cost)).toEqual([0.05, null]);
    expect(values(edges, FlowDetail.crossZone)).toEqual(['eu-1a → eu-1b', null]);
    expect(values(edges, FlowDetail.diff)).toEqual(['changed', 'vanished']);
    expect(values(edges, 'strokeDasharray')).toEqual([null, '4 4']);
    expect(values(edges, 'color')).toEqual(['#FF9830', '#8E8E8E']);
    expect(values(edges, FlowDetail.errorShare)).toEqual([0.1, null]);
    expect(values(edges, 'highlighted')).toEqual([true, true]);
  });

  it('leaves out detail fields no edge has', () => {
    expect(field(edges, FlowDetail.latencyP95)).toBeUndefined();
    expect(field(edges, FlowDetail.drops)).toBeUndefined();
  });

  it('uses requests as the main stat for request presets', () => {
    const [n, e] = toNodeGraphFrames(graph, { primary: 'requests' });
    expect(values(e, 'mainstat')).toEqual(['10 req/s', '0 req/s']);
    // frontend serves nothing here: a pure client shows what it sends.
    expect(values(n, 'mainstat')).toEqual(['10 req/s', '10 req/s']);
    expect(field(e, FlowDetail.cost)).toBeUndefined();
  });

  it('draws an edge whose rate is below zero at the thinnest width, never NaN', () => {
    const g: FlowGraph = {
      nodes: graph.nodes,
      edges: [
        { ...graph.edges[0], bytesRate: -5 },
        { ...graph.edges[0], target: 'shop/frontend', source: 'shop/checkout', bytesRate: 100 },
      ],
    };
    expect(values(toNodeGraphFrames(g, { primary: 'bytes' })[1], 'thickness')).toEqual([1, 6]);
  });
});

describe('nodes and edges without data', () => {
  const noData: FlowGraph = {
    nodes: [
      { id: 'a', title: 'a', namespace: 'shop' },
      { id: 'ghost', title: 'ghost', namespace: 'shop', noData: true },
    ],
    edges: [{ source: 'a', target: 'ghost', noData: true }],
  };
  const [nodes, edges] = toNodeGraphFrames(noData, { primary: 'bytes' });
  const col = values;

  it('draw the edge dashed with no rate and say "no data"', () => {
    expect(col(edges, 'strokeDasharray')).toEqual(['4 4']);
    expect(col(edges, 'mainstat')).toEqual([null]);
    expect(col(edges, 'detail__data')).toEqual(['no data']);
  });

  it('keep the node with "no data" and no stat', () => {
    expect(col(nodes, 'subtitle')).toEqual(['shop', 'shop · no data']);
    expect(col(nodes, 'mainstat')).toEqual(['0 B/s', null]);
    expect(col(nodes, 'detail__data')).toEqual([null, 'no data']);
  });
});
