/**
 * Issue 7: turn 100,000 Prometheus series (a `sum by` answer of Beyla flow bytes, ~5,000 nodes)
 * into node graph frames, against JSON.parse of the same response. Goal (issue 15): the mapping
 * after the parse ≤ 2× JSON.parse.
 */
import { toNodeGraphFrames } from '../src/datasource/connectors/flow/frames';
import { mapFlowGraph } from '../src/datasource/connectors/flow/mapper';
import { loadFlowGraph } from '../src/datasource/connectors/flow';
import { PRESETS, withClusterLabel } from '../src/datasource/connectors/flow/presets';
import { QueryContext } from '../src/datasource/connectors/context';
import { PromEnvelope, PromVectorSample } from '../src/datasource/connectors/flow/promTypes';
import { mapperFigures, report, timeMsInTurns } from './lib';

const SERIES = 100_000;
const NODES = 5_000;

function response(): string {
  const result: PromVectorSample[] = [];
  for (let i = 0; i < SERIES; i++) {
    const s = i % NODES;
    // 20 distinct targets per source: every label set is unique, as in a real `sum by` answer.
    const d = (s + 1 + Math.floor(i / NODES) * 37) % NODES;
    result.push({
      metric: {
        k8s_src_owner_name: `svc-${s}`,
        k8s_dst_owner_name: `svc-${d}`,
        k8s_src_namespace: `ns-${s % 40}`,
        k8s_dst_namespace: `ns-${d % 40}`,
        src_zone: `zone-${s % 3}`,
        dst_zone: `zone-${d % 3}`,
      },
      value: [1764190000.123, String(1000 + (i % 997) * 13.5)],
    });
  }
  const body: PromEnvelope<{ resultType: 'vector'; result: PromVectorSample[] }> = {
    status: 'success',
    data: { resultType: 'vector', result },
  };
  return JSON.stringify(body);
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => process.memoryUsage().heapUsed / 1e6;
const grouping = PRESETS.beyla.groupings.workload!;
const toFrames = (samples: PromVectorSample[]) => {
  const { graph } = mapFlowGraph([{ measure: 'bytes', samples }], grouping, 3600);
  return { graph, frames: toNodeGraphFrames(graph, { primary: 'bytes', pricePerGb: 0.01 }) };
};

const text = response();
const samples = (JSON.parse(text) as PromEnvelope<{ result: PromVectorSample[] }>).data!.result;

const check = toFrames(samples);
console.log(
  `response ${(text.length / 1e6).toFixed(1)} MB, ${SERIES} series -> ${check.graph.nodes.length} nodes, ${check.graph.edges.length} edges`
);

mapperFigures({
  payload: `the ${SERIES.toLocaleString('en')}-series response`,
  text,
  mapsTo: () => `${check.graph.nodes.length.toLocaleString('en')} nodes + ${check.graph.edges.length.toLocaleString('en')} edges, node graph frames`,
  parse: (t) => (JSON.parse(t) as PromEnvelope<{ result: PromVectorSample[] }>).data!.result,
  map: toFrames,
  goal: 2,
});

gc();
const before = heapMb();
const kept = toFrames(samples);
const afterRun = heapMb();
gc();
const retained = heapMb() - before;

report({ name: 'heap growth during one mapping (before GC, upper bound)', value: afterRun - before, unit: 'MB' });
report({ name: 'heap retained by the frames after GC', value: retained, unit: 'MB' });
if (kept.frames.length !== 2) {
  throw new Error('expected two frames');
}

/*
 * Issue 17: one global query over 50 clusters × 200 workloads (10,000 nodes, 30,000 edges), the
 * cluster in every series as Beyla reports it. Goal: mapping ≤ 2× JSON.parse, and as many store
 * queries per refresh for 50 clusters as for one.
 */
const CLUSTERS = 50;
const WORKLOADS = 200;
const EDGES_PER_WORKLOAD = 3;

function clustersResponse(clusters: number): string {
  const result: PromVectorSample[] = [];
  for (let c = 0; c < clusters; c++) {
    for (let w = 0; w < WORKLOADS; w++) {
      for (let k = 0; k < EDGES_PER_WORKLOAD; k++) {
        const d = (w + 1 + k * 7) % WORKLOADS;
        result.push({
          metric: {
            k8s_cluster_name: `cluster-${c}`,
            k8s_src_owner_name: `svc-${w}`,
            k8s_dst_owner_name: `svc-${d}`,
            k8s_src_namespace: `ns-${w % 10}`,
            k8s_dst_namespace: `ns-${d % 10}`,
            src_zone: `zone-${w % 3}`,
            dst_zone: `zone-${d % 3}`,
          },
          value: [1764190000.123, String(1000 + ((c * WORKLOADS + w) % 997) * 13.5)],
        });
      }
    }
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'vector', result } });
}

const clusterGrouping = withClusterLabel(PRESETS.beyla.groupings.workload!, PRESETS.beyla.clusterLabel);
const clusterText = clustersResponse(CLUSTERS);
const clusterParse = () => (JSON.parse(clusterText) as PromEnvelope<{ result: PromVectorSample[] }>).data!.result;
const clusterSamples = clusterParse();
const clusterFrames = () => {
  const { graph } = mapFlowGraph([{ measure: 'bytes', samples: clusterSamples }], clusterGrouping, 3600);
  return { graph, frames: toNodeGraphFrames(graph, { primary: 'bytes', pricePerGb: 0.01 }) };
};
const clusterCheck = clusterFrames();
console.log(
  `response ${(clusterText.length / 1e6).toFixed(1)} MB, ${CLUSTERS} clusters -> ${clusterCheck.graph.nodes.length} nodes, ${clusterCheck.graph.edges.length} edges`
);
if (
  clusterCheck.graph.nodes.length !== CLUSTERS * WORKLOADS ||
  clusterCheck.graph.edges.length !== CLUSTERS * WORKLOADS * EDGES_PER_WORKLOAD
) {
  throw new Error('the clusters graph does not have 10,000 nodes and 30,000 edges');
}
const [clusterParseMs, clusterMapMs] = timeMsInTurns([() => JSON.parse(clusterText), clusterFrames]);
report({ name: `JSON.parse of the ${CLUSTERS}-cluster response`, value: clusterParseMs, unit: 'ms' });
report({
  name: `${CLUSTERS} clusters, 10,000 nodes -> node graph frames`,
  value: clusterMapMs,
  unit: 'ms',
  baseline: { name: 'JSON.parse', value: clusterParseMs },
  goal: '≤ 2× JSON.parse',
  met: clusterMapMs <= 2 * clusterParseMs,
});

/** Store queries of one flows refresh against a store answering `text` to every query. */
async function queriesPerRefresh(text: string): Promise<number> {
  let n = 0;
  const ctx: QueryContext = {
    settings: { prometheusUrl: 'http://global-view.invalid', costPerGb: 0.01, crossClusterCostPerGb: 0.05 },
    transport: async () => {
      n++;
      return { status: 200, text, headers: {} };
    },
    range: { from: 1764186400000, to: 1764190000000 },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
  await loadFlowGraph(ctx, { preset: 'beyla', grouping: 'workload', compareWith: '1d' });
  return n;
}

void (async () => {
  const one = await queriesPerRefresh(clustersResponse(1));
  const many = await queriesPerRefresh(clusterText);
  report({
    name: `store queries per refresh, ${CLUSTERS} clusters (compare on)`,
    value: many,
    unit: 'count',
    baseline: { name: '1 cluster', value: one },
    goal: 'same as for 1 cluster',
    met: many === one,
  });
})();
