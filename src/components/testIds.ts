export const testIds = {
  appConfig: {
    container: 'data-testid faultline-app-config',
    datasource: 'data-testid faultline-app-config-datasource',
    submit: 'data-testid faultline-app-config-submit',
  },
  home: {
    container: 'data-testid faultline-home',
  },
};
