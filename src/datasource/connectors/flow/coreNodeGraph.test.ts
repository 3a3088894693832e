import { statLines, statToString } from '../../../../preview/src/standins/nodeGraphStats';
import { readFlowFrames } from '../../../panels/flowgraph/graph/readFrames';
import { toNodeGraphFrames } from './frames';
import { statText } from './statText';

// What Grafana's own Node Graph panel prints for our frames: statToString in the preview's
// stand-in follows public/app/plugins/panel/nodeGraph/utils.ts.
const graph = {
  nodes: [
    { id: 'web', title: 'web' },
    { id: 'db', title: 'db' },
  ],
  edges: [{ source: 'web', target: 'db', bytesRate: 123456789, requestRate: 1530.4, errorRate: 12.2 }],
};

describe("Grafana's Node Graph statToString", () => {
  it('prints a number with two decimals and the unit id, text as it is, and nothing for NaN', () => {
    expect(statToString({ unit: 'Bps' }, 123456789)).toBe('123456789.00 Bps');
    expect(statToString({ unit: 'Bps', decimals: 0 }, 5)).toBe('5.00 Bps');
    expect(statToString({ decimals: 1 }, 0.25)).toBe('0.3');
    expect(statToString({ unit: 'Bps' }, '117 MB/s')).toBe('117 MB/s');
    expect(statToString({}, NaN)).toBe('');
    expect(statToString({}, null)).toBe('');
  });
});

describe('our node graph frames in the core Node Graph panel', () => {
  it('read as units a person reads, on edges and nodes', () => {
    const [nodes, edges] = toNodeGraphFrames(graph, { primary: 'bytes' });
    expect(statLines(edges)).toEqual([['123 MB/s', '1.53k req/s']]);
    expect(statLines(nodes)).toEqual([
      ['123 MB/s', '0 req/s'],
      ['123 MB/s', '1.53k req/s'],
    ]);
    const [, byRequests] = toNodeGraphFrames(graph, { primary: 'requests' });
    expect(statLines(byRequests)).toEqual([['1.53k req/s', '0.8%']]);
  });

  it('still give the flow graph panel its numbers, with no stat counted invalid', () => {
    for (const primary of ['bytes', 'requests', 'flows'] as const) {
      const read = readFlowFrames(toNodeGraphFrames(graph, { primary }));
      expect(read.errors).toEqual([]);
      expect(read.graph.edges[0].weight).toBe(123456789);
    }
    // Without bytes, the request rate ranks the edges (detail__requests), not the text of mainstat.
    const { bytesRate, ...calls } = graph.edges[0];
    const read = readFlowFrames(toNodeGraphFrames({ ...graph, edges: [calls] }, { primary: 'requests' }));
    expect(read.errors).toEqual([]);
    expect(read.graph.edges[0]).toMatchObject({ weight: 1530.4, mainStat: '1.53k req/s' });
    expect(bytesRate).toBe(123456789);
  });
});

describe('statText', () => {
  it.each([
    [0, 'Bps', '0 B/s'],
    [999, 'Bps', '999 B/s'],
    [999.7, 'Bps', '1 kB/s'],
    [1250, 'Bps', '1.25 kB/s'],
    [4.2e12, 'Bps', '4.2 TB/s'],
    [12.345, 'reqps', '12.3 req/s'],
    [0.0123, 'percentunit', '1.23%'],
    [2_500_000, 'short', '2.5M'],
  ] as const)('%p %s reads %p', (v, unit, text) => {
    expect(statText(v, unit)).toBe(text);
  });
});
