/**
 * Issue 7: turn 100,000 Prometheus series (a `sum by` answer of Beyla flow bytes, ~5,000 nodes)
 * into node graph frames, against JSON.parse of the same response. Goal (issue 15): the mapping
 * after the parse ≤ 2× JSON.parse.
 */
import { toNodeGraphFrames } from '../src/datasource/connectors/flow/frames';
import { mapFlowGraph } from '../src/datasource/connectors/flow/mapper';
import { PRESETS } from '../src/datasource/connectors/flow/presets';
import { PromEnvelope, PromVectorSample } from '../src/datasource/connectors/flow/promTypes';
import { mapperFigures, report } from './lib';

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
