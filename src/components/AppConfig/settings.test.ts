import { pageSettings } from './settings';

describe('pageSettings', () => {
  it('uses the provisioned instances and common defaults when nothing is set', () => {
    expect(pageSettings(undefined)).toEqual({ datasourceUid: 'faultline-demo', metricsDatasourceUid: 'faultline-prometheus', serviceLabel: 'service', flowPreset: 'beyla', scorecard: {} });
  });

  it('keeps what is set', () => {
    const s = pageSettings({ datasourceUid: 'a', metricsDatasourceUid: 'b', serviceLabel: 'service_name', flowPreset: 'servicegraph', scorecard: { readyScore: 60 } });
    expect(s).toEqual({ datasourceUid: 'a', metricsDatasourceUid: 'b', serviceLabel: 'service_name', flowPreset: 'servicegraph', scorecard: { readyScore: 60 } });
  });

  it('refuses a service label that is no Prometheus label name, since it goes into PromQL', () => {
    expect(pageSettings({ serviceLabel: 'service"} or up{x="' }).serviceLabel).toBe('service');
  });
});
