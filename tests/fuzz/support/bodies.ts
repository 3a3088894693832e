import fc from 'fast-check';
import { backendBody, hostileString } from './arbitraries';

/** Label names every preset reads (presets.ts), so mutated series still name edges. */
const LABELS = [
  'k8s_src_owner_name',
  'k8s_dst_owner_name',
  'k8s_src_namespace',
  'k8s_dst_namespace',
  'src_zone',
  'dst_zone',
  'src_name',
  'dst_name',
  'src_address',
  'dst_address',
  'k8s_src_name',
  'k8s_dst_name',
  'source_workload',
  'destination_workload',
  'source_namespace',
  'destination_namespace',
  'source_app',
  'destination_app',
  'source',
  'destination',
  'source_pod',
  'destination_pod',
  'source_ip',
  'destination_ip',
  'client',
  'server',
  'source_workload_namespace',
  'destination_workload_namespace',
  'connection_type',
  '__name__',
];
const NAMES = ['frontend', 'checkout', 'payments', 'user', 'shop', 'zone-a', 'zone-b', ''];

const labelValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: hostileString }
);
const sample = fc.record({
  metric: fc.dictionary(fc.constantFrom(...LABELS), labelValue, { maxKeys: 8 }),
  value: fc.tuple(
    fc.constantFrom(1795683600, 1795683600.5),
    fc.oneof(fc.constantFrom('1', '0', '1234.5', 'NaN', '+Inf', '-Inf', '1e308', '-5'), hostileString)
  ),
});
/** A Prometheus instant-vector answer (docs/querying/api.md), then mutated like every other backend body. */
export const vectorBody = fc
  .array(sample, { maxLength: 25 })
  .map((result) => ({ status: 'success', data: { resultType: 'vector', result }, warnings: ['w'], infos: [] }))
  .chain((body) => fc.oneof({ weight: 3, arbitrary: fc.constant(body) }, { weight: 2, arbitrary: backendBody(body) }));
