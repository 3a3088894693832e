import { DataQuery } from '@grafana/schema';
import { ChaosSource, ChaosStatus } from '../../model';
import type { ScorecardQueryOptions } from '../../scorecard/types';

export const QUERY_TYPES = [
  'services',
  'ownership',
  'experiments',
  'timeline',
  'flows',
  'clusters',
  'scorecard',
  'impact',
  'drift',
] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const QUERY_TYPE_LABELS: Record<QueryType, { label: string; description: string }> = {
  services: { label: 'Services', description: 'Catalog services as a table, filterable by owner, system, tier' },
  ownership: { label: 'Ownership', description: 'Owner, on-call, runbook and gaps for $service' },
  experiments: { label: 'Chaos experiments', description: 'Chaos runs as a table' },
  timeline: { label: 'Chaos timeline', description: 'Chaos runs as a state timeline' },
  flows: { label: 'Flow map', description: 'Network flows as a node graph' },
  clusters: { label: 'Clusters overview', description: 'Per cluster: traffic, error share, chaos runs, owners' },
  scorecard: { label: 'Readiness scorecard', description: 'Ownership, chaos and flow rules per service' },
  impact: { label: 'Chaos impact', description: 'What each chaos run did to its targets and their flow neighbours' },
  drift: {
    label: 'Catalog drift',
    description: 'Services in flows but not in the catalog, silent or without an owner',
  },
};

/** Catalog filters; each value may hold template variables and several comma-separated values. */
export interface CatalogFilter {
  service?: string;
  owner?: string;
  system?: string;
  tier?: string;
  lifecycle?: string;
  namespace?: string;
}

export interface ChaosFilter {
  sources?: ChaosSource[];
  namespace?: string;
  kind?: string;
  status?: ChaosStatus[];
  /** Regular expression on the run name. */
  nameRegex?: string;
  /** Label selector, e.g. `team=payments,env!=dev`. */
  labelSelector?: string;
  /** Only runs whose targets include one of these services. */
  service?: string;
}

/** Preset ids; each preset's label, metrics and labels are its one entry of connectors/flow/presets.ts `PRESETS`. */
export const FLOW_PRESETS = ['beyla', 'obi', 'hubble', 'servicegraph', 'istio', 'caretta', 'coroot', 'retina', 'custom'] as const;
export type FlowPreset = (typeof FLOW_PRESETS)[number];
export const FLOW_GROUPINGS = ['workload', 'namespace', 'pod', 'address'] as const;
export type FlowGrouping = (typeof FLOW_GROUPINGS)[number];

export interface FlowQuery {
  preset: FlowPreset;
  grouping?: FlowGrouping;
  /** Extra label matchers added to every preset query, e.g. `k8s_src_namespace="shop"`. */
  matchers?: string;
  /** Custom preset: PromQL for the edge metric, and which labels name its ends. */
  customQuery?: string;
  sourceLabel?: string;
  targetLabel?: string;
  /** Compare with the range shifted back by this duration (e.g. "1h", "1d"); empty: no diff. */
  compareWith?: string;
  /** Relative change (0.5 = 50%) above which an edge counts as changed. */
  diffThreshold?: number;
  /** Join owners from the catalog and the blast radius from chaos runs. */
  joinOwners?: boolean;
  joinChaos?: boolean;
}

export interface FaultlineQuery extends DataQuery {
  queryType?: QueryType;
  catalog?: CatalogFilter;
  chaos?: ChaosFilter;
  flows?: FlowQuery;
  scorecard?: ScorecardQueryOptions;
  impact?: ImpactQuery;
  /** Catalog drift: one row per gap, or counts per team. */
  drift?: { by?: 'item' | 'team' };
}

export const DEFAULT_QUERY: Partial<FaultlineQuery> = { queryType: 'services' };

/** The flows query every editor, page and handler starts from. */
export const DEFAULT_FLOW_QUERY: FlowQuery = {
  preset: FLOW_PRESETS[0],
  grouping: 'workload',
  joinOwners: true,
  joinChaos: true,
};

/** Template variable queries (metric-find). */
export const VARIABLE_KINDS = ['services', 'owners', 'systems', 'namespaces', 'flowLabelValues'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

export interface FaultlineVariableQuery {
  kind: VariableKind;
  /** For flowLabelValues: the label name. */
  label?: string;
  /** Optional filter, e.g. owner for services. */
  owner?: string;
}

/** The measured blast radius of chaos runs (the runs come from the `chaos` filter, the flows from `flows`). */
export interface ImpactQuery {
  /** One run by id; empty: every run in the range, the most recent first. */
  runId?: string;
  /** Flow hops around the targets (default 2). */
  hops?: number;
  /** Baseline length before the run, e.g. "10m"; empty: as long as the run. */
  baseline?: string;
  /** Window of each rate, at least two scrapes (default "1m"). */
  rateWindow?: string;
  /** On an annotation query: write each ended run's reach into its text (costs store queries per run). */
  inAnnotations?: boolean;
}
