import type { FirstDataSource } from '../../components/AppConfig/settings';

/** The data sources a test Grafana holds: the first uid of each plugin type, as Grafana's list gives it. */
export const testDataSources: FirstDataSource = (pluginId) =>
  ({ 'faultline-datasource': 'faultline-demo', prometheus: 'faultline-prometheus' })[pluginId];
