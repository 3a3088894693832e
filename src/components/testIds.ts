/** Every data-testid of the app, in one place for the pages and the browser tests. */
export const testIds = {
  appConfig: {
    container: 'data-testid faultline-app-config',
    datasource: 'data-testid faultline-app-config-datasource',
    metricsDatasource: 'data-testid faultline-app-config-metrics-datasource',
    serviceLabel: 'data-testid faultline-app-config-service-label',
    extensionServiceLabels: 'data-testid faultline-app-config-extension-service-labels',
    flowPreset: 'data-testid faultline-app-config-flow-preset',
    chaosWindow: 'data-testid faultline-app-config-chaos-window',
    readyScore: 'data-testid faultline-app-config-ready-score',
    ignoredCallers: 'data-testid faultline-app-config-ignored-callers',
    rule: (id: string) => `data-testid faultline-app-config-rule-${id}`,
    ruleWeight: (id: string) => `data-testid faultline-app-config-rule-weight-${id}`,
    submit: 'data-testid faultline-app-config-submit',
  },
  catalog: { container: 'data-testid faultline-catalog' },
  service: { container: 'data-testid faultline-service' },
  experiments: { container: 'data-testid faultline-experiments' },
  flowMap: { container: 'data-testid faultline-flow-map' },
  overlays: {
    container: 'data-testid faultline-overlays',
    service: 'data-testid faultline-overlays-service',
    action: (overlay: string, action: string) => `data-testid faultline-overlays-${action}-${overlay}`,
    row: (uid: string) => `data-testid faultline-overlays-row-${uid}`,
  },
};
