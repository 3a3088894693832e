import type { ScorecardConfig } from '../../scorecard/types';
import type { FlowPreset } from '../../datasource/types';
import { getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../../constants';

/** The app's jsonData: what the pages query and how readiness is judged. */
export interface AppSettings {
  /** uid of the Faultline data source the app's pages query. */
  datasourceUid?: string;
  /** uid of the Prometheus-compatible data source holding the services' request metrics. */
  metricsDatasourceUid?: string;
  /** Label that names the service on the request metrics (`service`, `job`, `service_name`…). */
  serviceLabel?: string;
  /** Labels that name a service on other panels, for the "Who owns …?" links (comma separated). */
  extensionServiceLabels?: string;
  /** Flow preset the pages use (`beyla`, `servicegraph`…). */
  flowPreset?: FlowPreset;
  scorecard?: ScorecardConfig;
}

export interface PageSettings {
  datasourceUid: string;
  metricsDatasourceUid: string;
  serviceLabel: string;
  flowPreset: FlowPreset;
  scorecard: ScorecardConfig;
}

/** uid of the first data source of a plugin type (the order of Grafana's data source list), if any. */
export type FirstDataSource = (pluginId: string) => string | undefined;

/** Grafana's list is sorted by name: the same instance a dashboard's data source variable starts on. */
export const firstOfType: FirstDataSource = (pluginId) => getDataSourceSrv().getList({ pluginId })[0]?.uid;

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The settings the pages use. A data source not chosen in the app's configuration is the first one
 * of its type, so the pages work whatever uid the instance was given; '' when there is none.
 */
export function pageSettings(json: AppSettings | undefined, firstDataSource: FirstDataSource = firstOfType): PageSettings {
  return {
    datasourceUid: json?.datasourceUid || firstDataSource(DATASOURCE_TYPE) || '',
    metricsDatasourceUid: json?.metricsDatasourceUid || firstDataSource('prometheus') || '',
    // The label goes into PromQL: a name that is not a label name would break every query.
    serviceLabel: json?.serviceLabel && LABEL.test(json.serviceLabel) ? json.serviceLabel : 'service',
    flowPreset: json?.flowPreset || 'beyla',
    scorecard: json?.scorecard ?? {},
  };
}
