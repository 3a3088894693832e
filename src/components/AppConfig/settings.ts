import type { ScorecardConfig } from '../../scorecard/types';
import type { FlowPreset } from '../../datasource/types';
import { DEFAULT_DATASOURCE_UID, DEFAULT_PROMETHEUS_UID } from '../../constants';

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

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** The settings the pages use: the provisioned instances and common defaults where none is set. */
export function pageSettings(json: AppSettings | undefined): PageSettings {
  return {
    datasourceUid: json?.datasourceUid || DEFAULT_DATASOURCE_UID,
    metricsDatasourceUid: json?.metricsDatasourceUid || DEFAULT_PROMETHEUS_UID,
    // The label goes into PromQL: a name that is not a label name would break every query.
    serviceLabel: json?.serviceLabel && LABEL.test(json.serviceLabel) ? json.serviceLabel : 'service',
    flowPreset: json?.flowPreset || 'beyla',
    scorecard: json?.scorecard ?? {},
  };
}
