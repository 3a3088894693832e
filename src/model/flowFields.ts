import type { NodeGraphDataFrameFieldNames } from '@grafana/data';
import type { FlowEdge, FlowNodeInfo } from './flow';
import { PairTexts } from './pairTexts';

/**
 * The node graph frame contract of flows, declared once: the data source writes these fields and the
 * flow map panel reads them back, and Grafana's own Node Graph panel draws the same frames.
 *
 * The core names are Grafana's `NodeGraphDataFrameFieldNames` (grafana/grafana,
 * packages/grafana-data/src/utils/nodeGraph.ts). Grafana lower-cases a frame's field names before it
 * looks the core ones up (public/app/plugins/panel/nodeGraph/utils.ts, getNodeFields/getEdgeFields),
 * so `strokeDasharray` and `nodeRadius` match its `strokedasharray` and `noderadius`; the check
 * below makes the compiler refuse a core name Grafana does not know.
 */
type GrafanaName = Lowercase<`${NodeGraphDataFrameFieldNames}`>;
type Known<T extends Record<string, string>> = { [K in keyof T]: Lowercase<T[K]> extends GrafanaName ? T[K] : never };
const grafanaNames = <const T extends Record<string, string>>(names: T & Known<T>): T => names;

export const NodeField = grafanaNames({
  id: 'id',
  title: 'title',
  subtitle: 'subtitle',
  mainStat: 'mainstat',
  secondaryStat: 'secondarystat',
  color: 'color',
  icon: 'icon',
  nodeRadius: 'nodeRadius',
  highlighted: 'highlighted',
  arcPrefix: 'arc__',
  detailPrefix: 'detail__',
});

export const EdgeField = grafanaNames({
  id: 'id',
  source: 'source',
  target: 'target',
  mainStat: 'mainstat',
  secondaryStat: 'secondarystat',
  thickness: 'thickness',
  color: 'color',
  strokeDasharray: 'strokeDasharray',
  highlighted: 'highlighted',
  detailPrefix: 'detail__',
});

/**
 * How the flow map reads a detail field into its node or edge: `text` as it is, `number` only when
 * finite (others are counted and reported), `role` a blast role, `impact` an impact level and
 * `change` an edge change kind at the start of the text, `diff` one of the EdgeDiff words in any
 * case, `flag` true unless false/0/no. A field without `read` is shown in the tooltip only.
 */
export type FieldRead = 'text' | 'number' | 'role' | 'impact' | 'change' | 'diff' | 'flag';

/** One `detail__*` field of a nodes or edges frame. */
export interface DetailField<Row> {
  name: `detail__${string}`;
  /** The field's displayName: its label in both panels' tooltips. */
  label: string;
  unit?: string;
  /** In the unit of the main stat, which the query's primary measure decides. */
  mainUnit?: true;
  /** Written only when a price per GB is configured. */
  priced?: true;
  /** What Faultline writes, from the measured graph; absent for fields other data sources fill. */
  of?: (row: Row) => unknown;
  read?: FieldRead;
}

/** Text of the Data field on nodes and edges seen only on series without a usable value. */
export const NO_DATA = 'no data';

const noData = (x: { noData?: boolean }) => (x.noData ? NO_DATA : undefined);

/** "a → b" for the ends of an edge that crosses zones or clusters. */
const ARROWS = new PairTexts(' → ', 256);
const pairText = (a: string, b: string) => ARROWS.of(a, b);

/** Error share of an edge's requests, when both are known. */
export const errorShareOf = (e: FlowEdge): number | undefined =>
  e.requestRate && e.errorRate !== undefined ? Math.min(1, e.errorRate / e.requestRate) : undefined;

/** Edge details in the order the tooltip lists them. A new measure is one row here. */
export const EDGE_DETAILS = {
  data: { name: 'detail__data', label: 'Data', of: noData },
  bytes: { name: 'detail__bytes', label: 'Throughput', unit: 'Bps', of: (e) => e.bytesRate, read: 'number' },
  requests: { name: 'detail__requests', label: 'Requests', unit: 'reqps', of: (e) => e.requestRate, read: 'number' },
  errors: { name: 'detail__errors', label: 'Errors', unit: 'reqps', of: (e) => e.errorRate, read: 'number' },
  errorShare: {
    name: 'detail__error_share',
    label: 'Error share',
    unit: 'percentunit',
    of: errorShareOf,
    read: 'number',
  },
  latencyP95: { name: 'detail__latency_p95', label: 'p95 latency', unit: 's', of: (e) => e.latencyP95 },
  flows: { name: 'detail__flows', label: 'Flows', unit: 'short', of: (e) => e.flowRate, read: 'number' },
  retransmits: { name: 'detail__retransmits', label: 'Retransmits', unit: 'short', of: (e) => e.retransmitRate },
  drops: { name: 'detail__drops', label: 'Drops', unit: 'short', of: (e) => e.dropRate },
  resets: { name: 'detail__tcp_resets', label: 'TCP resets', unit: 'short', of: (e) => e.resetRate },
  crossZone: {
    name: 'detail__cross_zone',
    label: 'Cross-zone',
    of: (e) => (e.crossZoneBytesTotal ? pairText(e.sourceZone ?? '?', e.targetZone ?? '?') : undefined),
    read: 'flag',
  },
  crossCluster: {
    name: 'detail__cross_cluster',
    label: 'Cross-cluster',
    of: (e) => (e.sourceCluster !== undefined ? pairText(e.sourceCluster, e.targetCluster ?? '?') : undefined),
  },
  cost: {
    name: 'detail__cost',
    label: 'Transfer cost',
    unit: 'currencyUSD',
    priced: true,
    of: (e) => e.cost,
    read: 'number',
  },
  diff: { name: 'detail__diff', label: 'Change', of: (e) => e.diff, read: 'diff' },
  previous: { name: 'detail__previous', label: 'Before', mainUnit: true, of: (e) => e.previousRate },
  /** What moved on the edge during the run the query named, then why: "errors: error share 0.0% → 40.0%". */
  change: {
    name: 'detail__impact_change',
    label: 'Change in the run',
    of: (e) => (e.impactChange ? [e.impactChange.kind, ...e.impactChange.reasons].join(': ') : undefined),
    read: 'change',
  },
} as const satisfies Record<string, DetailField<FlowEdge>>;

/** Node details in the order the tooltip lists them. A new measure is one row here. */
export const NODE_DETAILS = {
  cluster: { name: 'detail__cluster', label: 'Cluster', of: (x) => x.cluster, read: 'text' },
  namespace: { name: 'detail__namespace', label: 'Namespace', of: (x) => x.namespace, read: 'text' },
  zone: { name: 'detail__zone', label: 'Zone', of: (x) => x.zone, read: 'text' },
  owner: { name: 'detail__owner', label: 'Owner', of: (x) => x.owner, read: 'text' },
  team: { name: 'detail__team', label: 'Team', of: (x) => x.team, read: 'text' },
  /** Catalog namespace of the service the node is, for links to its service page. */
  catalogNamespace: {
    name: 'detail__catalog_namespace',
    label: 'Catalog namespace',
    of: (x) => x.catalogNamespace,
    read: 'text',
  },
  data: { name: 'detail__data', label: 'Data', of: noData },
  /** The role, then the runs: "target: pod-kill-1". */
  chaos: {
    name: 'detail__chaos',
    label: 'Chaos',
    of: (x) => (x.chaos ? `${x.chaos}: ${(x.chaosRuns ?? []).join(', ')}` : undefined),
    read: 'role',
  },
  /**
   * The measured impact of the run the query named, then why: "broken: error share 0.0% → 91.0%".
   * The level first, as the chaos role: panels read the word before the colon, people the reasons.
   */
  impact: {
    name: 'detail__impact',
    label: 'Impact',
    of: (x) => (x.impact ? [x.impact.level, ...x.impact.reasons].join(': ') : undefined),
    read: 'impact',
  },
  // Read from other data sources' nodes frames; Faultline gives a node its arcs and its edges' numbers.
  /** Catalog system: with cluster and namespace, one of the upper levels of the map. */
  system: { name: 'detail__system', label: 'System', read: 'text' },
  errorShare: { name: EDGE_DETAILS.errorShare.name, label: 'Error share', unit: 'percentunit', read: 'number' },
  /** The node's own numbers; when absent the map totals its edges' (for filtering). */
  bytes: { name: EDGE_DETAILS.bytes.name, label: 'Throughput', unit: 'Bps', read: 'number' },
  errors: { name: EDGE_DETAILS.errors.name, label: 'Errors', unit: 'reqps', read: 'number' },
  cost: { name: EDGE_DETAILS.cost.name, label: 'Transfer cost', unit: 'currencyUSD', read: 'number' },
} as const satisfies Record<string, DetailField<FlowNodeInfo>>;

const namesOf = <T extends Record<string, { name: string }>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([key, d]) => [key, d.name])) as { [K in keyof T]: T[K]['name'] };

/** Every detail field name by its key, for code that names one field. */
export const FlowDetail = { ...namesOf(NODE_DETAILS), ...namesOf(EDGE_DETAILS) };
