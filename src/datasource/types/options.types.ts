import { DataSourceJsonData } from '@grafana/data';

export const CATALOG_SOURCES = ['backstage', 'catalog-files', 'opslevel', 'none'] as const;
export type CatalogSource = (typeof CATALOG_SOURCES)[number];

/** Which catalog annotation keys fill which ownership field; defaults in connectors/catalog/annotationKeys.ts. */
export interface AnnotationKeyMap {
  onCall?: string[];
  chat?: string[];
  runbook?: string[];
  repo?: string[];
  docs?: string[];
  tier?: string[];
}

/**
 * Non-secret settings. Every URL here is used only by the data proxy routes in plugin.json:
 * the browser never calls a backend directly.
 */
export interface FaultlineOptions extends DataSourceJsonData {
  catalogSource?: CatalogSource;
  backstageUrl?: string;
  /** Base URL that catalog files are read from (a git host's raw URL, a web server). */
  catalogFilesUrl?: string;
  /** Paths of catalog-info.yaml files below catalogFilesUrl. */
  catalogFiles?: string[];
  opslevelUrl?: string;
  annotationKeys?: AnnotationKeyMap;
  cacheTtlSeconds?: number;

  chaosMeshUrl?: string;
  litmusUrl?: string;
  litmusProjectId?: string;
  gremlinUrl?: string;
  gremlinTeamId?: string;
  gremlinAuthScheme?: 'Key' | 'Bearer';
  /** Base URL of Chaos Toolkit journals. */
  journalsUrl?: string;
  /** Path below journalsUrl of a JSON array of journal paths; or list them in `journals`. */
  journalIndex?: string;
  journals?: string[];
  /** A tracing data source (uid and type) whose Explore view each run links to, for its targets' traces. */
  tracingDatasourceUid?: string;
  tracingDatasourceType?: 'tempo' | 'jaeger';

  prometheusUrl?: string;
  /** X-Scope-OrgID for Mimir/Cortex/Loki-style multi-tenant stores. */
  prometheusTenant?: string;
  costPerGb?: number;
  /** Price per GB of bytes between clusters (regions, clouds): replaces the cross-zone price on those edges. */
  crossClusterCostPerGb?: number;
  /** Label naming a series' cluster; empty: the preset's (Beyla/OBI `k8s_cluster_name`, else `cluster`). */
  flowClusterLabel?: string;
  /** Label telling HA replicas apart (`__replica__`, `prometheus_replica`): replicas count once (max), not twice. */
  flowReplicaLabel?: string;
  /** Thanos Query `dedup` (by its replica labels); unset: not sent, the querier's default applies. */
  thanosDedup?: boolean;
  /** Thanos Query `partial_response`: answer without unavailable stores, with a warning; unset: not sent. */
  thanosPartialResponse?: boolean;

  timeoutSeconds?: number;
}

/** Secrets: stored encrypted by Grafana and only ever read by the data proxy. */
export interface FaultlineSecureOptions {
  backstageToken?: string;
  opslevelToken?: string;
  chaosMeshToken?: string;
  litmusToken?: string;
  gremlinToken?: string;
  /** Full Authorization header value for the Prometheus store, e.g. "Bearer …" or "Basic …". */
  prometheusAuthorization?: string;
}
