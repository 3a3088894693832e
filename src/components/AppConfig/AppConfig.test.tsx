import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { of } from 'rxjs';
import { AppPluginMeta, PluginType } from '@grafana/data';
import { testIds } from '../testIds';
import AppConfig, { AppSettings } from './AppConfig';

const fetch = jest.fn((_req: { url: string; data: unknown }) => of({ data: {} }));

// Grafana's backend service and data source picker only exist inside Grafana: the picker becomes a
// plain select of the uid, the backend service records what would be saved.
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch }),
  getDataSourceSrv: () => ({
    getList: ({ pluginId }: { pluginId: string }) => ({ 'faultline-datasource': [{ uid: 'other-uid' }], prometheus: [{ uid: 'metrics-a' }] })[pluginId] ?? [],
  }),
  DataSourcePicker: ({ current, onChange }: { current: string | null; onChange: (ds: { uid: string }) => void }) => (
    <input aria-label="data source uid" value={current ?? ''} onChange={(e) => onChange({ uid: e.currentTarget.value })} />
  ),
}));

function meta(jsonData: AppSettings): AppPluginMeta<AppSettings> {
  return { id: 'faultline-app', name: 'Faultline', type: PluginType.app, enabled: true, pinned: true, jsonData, info: {} as never, module: '', baseUrl: '' };
}

describe('AppConfig', () => {
  beforeEach(() => {
    fetch.mockClear();
    // Combobox sizes its menu with canvas text metrics, which jsdom lacks.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' }) as unknown as CanvasRenderingContext2D);
    Object.defineProperty(window, 'location', { value: { reload: jest.fn() }, writable: true });
  });

  it('shows the stored scorecard settings over the defaults', () => {
    render(<AppConfig plugin={{ meta: meta({ scorecard: { chaosWindowDays: 14, rules: { repo: { enabled: false } } } }) } as never} query={{} as never} />);
    expect(screen.getByTestId(testIds.appConfig.chaosWindow)).toHaveValue(14);
    expect(screen.getByTestId(testIds.appConfig.readyScore)).toHaveValue(80);
    expect(screen.getByTestId(testIds.appConfig.rule('repo'))).not.toBeChecked();
    expect(screen.getByTestId(testIds.appConfig.rule('owner'))).toBeChecked();
  });

  it('starts on the first Faultline and Prometheus data sources when none is configured', async () => {
    render(<AppConfig plugin={{ meta: meta({}) } as never} query={{} as never} />);
    const [faultline, metrics] = screen.getAllByLabelText('data source uid');
    expect(faultline).toHaveValue('other-uid');
    expect(metrics).toHaveValue('metrics-a');
    fireEvent.click(screen.getByTestId(testIds.appConfig.submit));
    await Promise.resolve();
    expect((fetch.mock.calls[0][0] as { data: { jsonData: AppSettings } }).data.jsonData).toMatchObject({ datasourceUid: 'other-uid', metricsDatasourceUid: 'metrics-a' });
  });

  it('saves the data sources and rule changes into the app jsonData, keeping what it does not edit', async () => {
    render(<AppConfig plugin={{ meta: meta({ datasourceUid: 'old', scorecard: {} }) } as never} query={{} as never} />);
    fireEvent.change(screen.getAllByLabelText('data source uid')[0], { target: { value: 'faultline-prod' } });
    fireEvent.click(screen.getByTestId(testIds.appConfig.rule('runbook')));
    fireEvent.change(screen.getByTestId(testIds.appConfig.ruleWeight('steadyState')), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId(testIds.appConfig.serviceLabel), { target: { value: 'job' } });
    fireEvent.click(screen.getByTestId(testIds.appConfig.submit));
    await Promise.resolve();
    expect(fetch).toHaveBeenCalledTimes(1);
    const { url, data } = fetch.mock.calls[0][0] as { url: string; data: { enabled: boolean; jsonData: AppSettings } };
    expect(url).toBe('/api/plugins/faultline-app/settings');
    expect(data.enabled).toBe(true);
    expect(data.jsonData).toMatchObject({ datasourceUid: 'faultline-prod', metricsDatasourceUid: 'metrics-a', serviceLabel: 'job' });
    expect(data.jsonData.scorecard?.rules?.runbook).toEqual({ enabled: false, weight: 1 });
    expect(data.jsonData.scorecard?.rules?.steadyState).toEqual({ enabled: true, weight: 3 });
    expect(data.jsonData.scorecard?.chaosWindowDays).toBe(30);
  });
});
