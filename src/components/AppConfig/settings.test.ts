import { firstOfType, pageSettings } from './settings';

const getList = jest.fn((filters: { pluginId?: string }) =>
  [
    { uid: 'other-uid', meta: { id: 'faultline-datasource' } },
    { uid: 'second-faultline', meta: { id: 'faultline-datasource' } },
    { uid: 'metrics-a', meta: { id: 'prometheus' } },
  ].filter((s) => s.meta.id === filters.pluginId)
);

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({ getList }),
}));

describe('pageSettings', () => {
  it('uses the first data source of each type when the app config names none, whatever its uid', () => {
    expect(pageSettings(undefined)).toEqual({ datasourceUid: 'other-uid', metricsDatasourceUid: 'metrics-a', serviceLabel: 'service', flowPreset: 'beyla', scorecard: {} });
    expect(getList).toHaveBeenCalledWith({ pluginId: 'faultline-datasource' });
    expect(getList).toHaveBeenCalledWith({ pluginId: 'prometheus' });
  });

  it('names no data source when Grafana has none of the type, rather than a uid that does not exist', () => {
    expect(pageSettings({}, () => undefined)).toMatchObject({ datasourceUid: '', metricsDatasourceUid: '' });
  });

  it('keeps what is set', () => {
    const s = pageSettings({ datasourceUid: 'a', metricsDatasourceUid: 'b', serviceLabel: 'service_name', flowPreset: 'servicegraph', scorecard: { readyScore: 60 } });
    expect(s).toEqual({ datasourceUid: 'a', metricsDatasourceUid: 'b', serviceLabel: 'service_name', flowPreset: 'servicegraph', scorecard: { readyScore: 60 } });
  });

  it('refuses a service label that is no Prometheus label name, since it goes into PromQL', () => {
    expect(pageSettings({ serviceLabel: 'service"} or up{x="' }).serviceLabel).toBe('service');
  });
});

describe('firstOfType', () => {
  it("is the first of Grafana's list for that plugin", () => {
    expect(firstOfType('faultline-datasource')).toBe('other-uid');
    expect(firstOfType('elasticsearch')).toBeUndefined();
  });
});
