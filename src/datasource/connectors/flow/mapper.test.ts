import { mapFlowGraph, MeasureSamples } from './mapper';
import { PRESETS } from './presets';
import { PromVectorSample } from './promTypes';

const beyla = PRESETS.beyla.groupings.workload!;
const sample = (metric: Record<string, string>, value: string): PromVectorSample => ({
  metric,
  value: [1700000000, value],
});
const flow = (src: string, dst: string, value: string, extra: Record<string, string> = {}) =>
  sample(
    {
      k8s_src_owner_name: src,
      k8s_dst_owner_name: dst,
      k8s_src_namespace: 'shop',
      k8s_dst_namespace: 'shop',
      ...extra,
    },
    value
  );
const bytes = (...samples: PromVectorSample[]): MeasureSamples => ({ measure: 'bytes', samples });

describe('mapFlowGraph', () => {
  it('sums series naming the same ends into one edge and turns totals into rates', () => {
    const { graph, stats } = mapFlowGraph(
      [
        bytes(
          flow('frontend', 'checkout', '600', { dst_port: '80' }),
          flow('frontend', 'checkout', '1200', { dst_port: '443' })
        ),
      ],
      beyla,
      60
    );
    expect(stats).toMatchObject({ series: 2, missingLabels: 0, nonFinite: 0, selfLoops: 0 });
    expect(graph.edges).toEqual([
      expect.objectContaining({ source: 'shop/frontend', target: 'shop/checkout', bytesTotal: 1800, bytesRate: 30 }),
    ]);
    expect(graph.nodes.map((n) => [n.id, n.title, n.namespace])).toEqual([
      ['shop/frontend', 'frontend', 'shop'],
      ['shop/checkout', 'checkout', 'shop'],
    ]);
  });

  it('falls back to src_name when the owner label is absent', () => {
    const { graph } = mapFlowGraph([bytes(sample({ src_name: 'frontend', dst_name: 'checkout' }, '10'))], beyla, 10);
    expect(graph.edges[0]).toMatchObject({ source: 'frontend', target: 'checkout', bytesRate: 1 });
  });

  it('leaves out and counts series with missing labels and self-loops, and counts NaN/Inf values', () => {
    const { graph, stats } = mapFlowGraph(
      [
        bytes(
          flow('a', 'b', '5'),
          sample({ k8s_src_owner_name: 'a' }, '5'),
          sample({ k8s_src_owner_name: 'a', k8s_dst_owner_name: '' }, '5'),
          flow('a', 'c', 'NaN'),
          flow('a', 'c', '+Inf'),
          flow('a', 'c', '-Inf'),
          flow('a', 'a', '7'),
          { metric: null, value: [0, '1'] } as unknown as PromVectorSample,
          { metric: { k8s_src_owner_name: 'a', k8s_dst_owner_name: 'd' } } as unknown as PromVectorSample
        ),
      ],
      beyla,
      1
    );
    expect(graph.edges.map((e) => [e.target, e.noData])).toEqual([
      ['shop/b', undefined],
      ['shop/c', true],
    ]);
    expect(stats).toMatchObject({ series: 9, missingLabels: 3, nonFinite: 4, selfLoops: 1 });
  });

  it('leaves out and counts negative values, which no flow measure can have', () => {
    const { graph, stats } = mapFlowGraph([bytes(flow('a', 'b', '600'), flow('a', 'c', '-5'))], beyla, 60);
    expect(graph.edges.map((e) => e.target)).toEqual(['shop/b']);
    expect(graph.nodes.map((n) => n.id)).toEqual(['shop/a', 'shop/b']);
    expect(stats).toMatchObject({ series: 2, negative: 1, nonFinite: 0 });
  });

  it('keeps a NaN p95 (no requests) out of the bad-data count but counts +Inf', () => {
    const sg = PRESETS.servicegraph.groupings.workload!;
    const { graph, stats } = mapFlowGraph(
      [
        { measure: 'requests', samples: [sample({ client: 'a', server: 'b' }, '60')] },
        {
          measure: 'latencyP95',
          samples: [sample({ client: 'a', server: 'b' }, 'NaN'), sample({ client: 'a', server: 'c' }, '+Inf')],
        },
      ],
      sg,
      60
    );
    expect(stats.nonFinite).toBe(1);
    expect(graph.edges.map((e) => [e.target, e.noData])).toEqual([
      ['b', undefined],
      ['c', true],
    ]);
    expect(graph.edges[0].latencyP95).toBeUndefined();
    expect(graph.edges[0].requestRate).toBe(1);
  });

  it('scales histogram values and keeps the worst p95 of several series', () => {
    const istio = PRESETS.istio.groupings.workload!;
    const l = (v: string) =>
      sample({ source_workload: 'a', destination_workload: 'b', destination_version: v }, v === 'v1' ? '120' : '480');
    const { graph } = mapFlowGraph([{ measure: 'latencyP95', samples: [l('v1'), l('v2')], scale: 0.001 }], istio, 60);
    expect(graph.edges[0].latencyP95).toBeCloseTo(0.48);
  });

  it('keeps a node whose only series are NaN or ±Inf, and its edge, marked as having no data', () => {
    const { graph } = mapFlowGraph(
      [
        bytes(
          flow('a', 'b', '600'),
          flow('a', 'ghost', 'NaN'),
          flow('ghost', 'void', '+Inf'),
          flow('void', 'a', '-Inf')
        ),
      ],
      beyla,
      60
    );
    expect(graph.nodes.map((n) => [n.id, n.noData])).toEqual([
      ['shop/a', undefined],
      ['shop/b', undefined],
      ['shop/ghost', true],
      ['shop/void', true],
    ]);
    const edge = (s: string, t: string) =>
      graph.edges.find((e) => e.source === `shop/${s}` && e.target === `shop/${t}`);
    expect(edge('a', 'ghost')).toMatchObject({ noData: true, bytesRate: undefined });
    expect(edge('a', 'b')).toMatchObject({ bytesRate: 10 });
    expect(edge('a', 'b')?.noData).toBeUndefined();
    expect(graph.edges).toHaveLength(4);
  });

  it('never erases a zone with a series that lacks the zone label', () => {
    const zoned = (src: string, dst: string, v: string) => flow(src, dst, v, { src_zone: 'eu-1a', dst_zone: 'eu-1b' });
    // A self-loop without zone labels, then a zone-less series of the same edge.
    const { graph } = mapFlowGraph(
      [bytes(zoned('a', 'b', '60'), flow('a', 'a', '5'), flow('b', 'b', '5'), flow('a', 'b', '60'))],
      beyla,
      60
    );
    expect(graph.nodes.map((n) => [n.id, n.zone])).toEqual([
      ['shop/a', 'eu-1a'],
      ['shop/b', 'eu-1b'],
    ]);
    expect(graph.edges[0]).toMatchObject({ sourceZone: 'eu-1a', targetZone: 'eu-1b' });
    // The zone-less series came first: the zone still arrives.
    const later = mapFlowGraph([bytes(flow('a', 'a', '5'), zoned('a', 'b', '60'))], beyla, 60).graph;
    expect(later.nodes.find((n) => n.id === 'shop/a')?.zone).toBe('eu-1a');
  });

  it('counts bytes between different zones as cross-zone, per series', () => {
    const z = (sz: string, dz: string, v: string) => flow('a', 'b', v, { src_zone: sz, dst_zone: dz });
    const { graph } = mapFlowGraph([bytes(z('eu-1a', 'eu-1b', '3000'), z('eu-1a', 'eu-1a', '1000'))], beyla, 1);
    expect(graph.edges[0].crossZoneBytesTotal).toBe(3000);
    expect(graph.edges[0].bytesTotal).toBe(4000);
    // Two zone pairs on one edge: the edge has no single zone.
    expect(graph.edges[0].sourceZone).toBe('eu-1a');
    expect(graph.edges[0].targetZone).toBeUndefined();
  });

  it('prefers the inter-zone metric over comparing zone labels, and reports unlabelled inter-zone bytes', () => {
    const { graph, stats } = mapFlowGraph(
      [
        bytes(flow('a', 'b', '100', { src_zone: 'z1', dst_zone: 'z2' })),
        {
          measure: 'interZoneBytes',
          samples: [
            flow('a', 'b', '80', { src_zone: 'z1', dst_zone: 'z2' }),
            sample({ src_zone: 'z1', dst_zone: 'z2' }, '5000'),
          ],
        },
      ],
      beyla,
      1
    );
    expect(graph.edges[0].crossZoneBytesTotal).toBe(80);
    expect(stats.unattributedInterZoneBytes).toBe(5000);
    expect(stats.missingLabels).toBe(0);
  });

  it('maps 100,000 series to a graph with the expected edges and nodes', () => {
    const samples: PromVectorSample[] = [];
    for (let i = 0; i < 100_000; i++) {
      samples.push(
        sample(
          {
            k8s_src_owner_name: `svc-${i % 5000}`,
            k8s_dst_owner_name: `svc-${(i * 7 + 1) % 5000}`,
            dst_port: String(i % 3),
          },
          '1'
        )
      );
    }
    const { graph, stats } = mapFlowGraph([bytes(...samples)], beyla, 1);
    expect(stats.series).toBe(100_000);
    expect(graph.nodes).toHaveLength(5000);
    const total = graph.edges.reduce((s, e) => s + (e.bytesTotal ?? 0), 0);
    expect(total + stats.selfLoops).toBe(100_000);
  });

  it('keeps a name seen in several namespaces, in turns, as one node per namespace', () => {
    const redis = (ns: string | undefined, value: string) =>
      sample(
        {
          k8s_src_owner_name: 'api',
          k8s_dst_owner_name: 'redis',
          k8s_src_namespace: 'shop',
          ...(ns ? { k8s_dst_namespace: ns } : {}),
        },
        value
      );
    const { graph } = mapFlowGraph(
      [bytes(redis('a', '60'), redis('b', '120'), redis(undefined, '180'), redis('a', '60'), redis('b', '120'))],
      beyla,
      60
    );
    expect(graph.nodes.map((n) => n.id)).toEqual(['shop/api', 'a/redis', 'b/redis', 'redis']);
    expect(graph.edges.map((e) => [e.target, e.bytesRate])).toEqual([
      ['a/redis', 2],
      ['b/redis', 4],
      ['redis', 3],
    ]);
  });

  it('starts each mapping from nothing: the measures, nodes and edges of the one before do not carry over', () => {
    const busy: MeasureSamples[] = [
      bytes(flow('a', 'b', '60', { src_zone: 'z1', dst_zone: 'z2' })),
      { measure: 'requests', samples: [flow('a', 'b', '6')] },
      { measure: 'latencyP95', samples: [flow('a', 'b', '0.5')] },
    ];
    const first = mapFlowGraph(busy, beyla, 60).graph;
    expect(first.edges[0]).toMatchObject({ requestRate: 0.1, latencyP95: 0.5, crossZoneBytesTotal: 60 });
    const { graph } = mapFlowGraph([bytes(flow('b', 'c', '120'), flow('a', 'b', 'NaN'))], beyla, 60);
    expect(graph.nodes.map((n) => [n.id, n.zone, n.noData])).toEqual([
      ['shop/b', undefined, undefined],
      ['shop/c', undefined, undefined],
      ['shop/a', undefined, true],
    ]);
    expect(graph.edges).toEqual([
      expect.objectContaining({ source: 'shop/b', target: 'shop/c', bytesRate: 2, noData: undefined }),
      expect.objectContaining({ source: 'shop/a', target: 'shop/b', bytesTotal: undefined, noData: true }),
    ]);
    for (const e of graph.edges) {
      expect([e.requestRate, e.latencyP95, e.crossZoneBytesTotal, e.sourceZone]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
    // The same mapping again, after one too big for the kept tables, gives the same graph.
    const wide = Array.from({ length: 70_000 }, (_, i) => flow(`s${i}`, `t${i}`, '1'));
    expect(mapFlowGraph([bytes(...wide)], beyla, 1).graph.edges).toHaveLength(70_000);
    expect(mapFlowGraph([bytes(flow('b', 'c', '120'), flow('a', 'b', 'NaN'))], beyla, 60).graph).toEqual(graph);
  });

  it('maps the next answer right after one that failed half way', () => {
    const broken = [flow('a', 'b', '60'), flow('a', 'c', '60')];
    Object.defineProperty(broken, 1, {
      get() {
        throw new Error('broken answer');
      },
    });
    expect(() =>
      mapFlowGraph([bytes(...broken.slice(0, 1)), { measure: 'bytes', samples: broken }], beyla, 60)
    ).toThrow('broken answer');
    const { graph } = mapFlowGraph([bytes(flow('x', 'y', '60'))], beyla, 60);
    expect(graph.nodes.map((n) => n.id)).toEqual(['shop/x', 'shop/y']);
    expect(graph.edges.map((e) => [e.source, e.target, e.bytesRate])).toEqual([['shop/x', 'shop/y', 1]]);
  });
});
