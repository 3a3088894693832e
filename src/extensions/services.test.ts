import { FieldType, LoadingState, toDataFrame, getDefaultTimeRange, type PanelData } from '@grafana/data';
import { DEFAULT_SERVICE_LABELS, serviceLabels, servicesOfData, servicesOfValue } from './services';

function data(labelSets: Array<Record<string, string>>): PanelData {
  return {
    state: LoadingState.Done,
    timeRange: getDefaultTimeRange(),
    series: labelSets.map((labels) =>
      toDataFrame({
        fields: [
          { name: 'time', type: FieldType.time, values: [1] },
          { name: 'value', type: FieldType.number, values: [1], labels },
        ],
      })
    ),
  };
}

describe('servicesOfData', () => {
  it('reads the first listed label each series carries, once per service', () => {
    const d = data([
      { service: 'checkout', code: '200' },
      { service: 'checkout', code: '500' },
      { job: 'payments' },
      { code: '200' },
    ]);
    expect(servicesOfData(d, DEFAULT_SERVICE_LABELS)).toEqual(['checkout', 'payments']);
  });

  it('prefers the label listed first when a series carries several', () => {
    expect(servicesOfData(data([{ job: 'shop/checkout', service_name: 'checkout' }]), ['service_name', 'job'])).toEqual(
      ['checkout']
    );
  });

  it('names no service for series without service labels, or without data', () => {
    expect(servicesOfData(data([{ code: '200' }]), DEFAULT_SERVICE_LABELS)).toEqual([]);
    expect(servicesOfData(undefined, DEFAULT_SERVICE_LABELS)).toEqual([]);
  });

  it('keeps markup and slashes as text (links encode them), drops control characters and templates', () => {
    const d = data([
      { service: '<img src=x onerror=alert(1)>' },
      { service: 'shop/checkout' },
      { service: 'a\nb' },
      { service: '$service' },
    ]);
    expect(servicesOfData(d, ['service'])).toEqual(['<img src=x onerror=alert(1)>', 'shop/checkout']);
  });
});

describe('servicesOfValue', () => {
  it('takes one value or each value of a multi-value variable, never "All"', () => {
    expect(servicesOfValue('checkout')).toEqual(['checkout']);
    expect(servicesOfValue(['checkout', 'payments', 'checkout'])).toEqual(['checkout', 'payments']);
    expect(servicesOfValue('$__all')).toEqual([]);
    expect(servicesOfValue('')).toEqual([]);
    expect(servicesOfValue(undefined)).toEqual([]);
  });
});

describe('serviceLabels', () => {
  it('uses the configured labels, comma separated or listed, else the defaults', () => {
    expect(serviceLabels('app, service')).toEqual(['app', 'service']);
    expect(serviceLabels(['service_name'])).toEqual(['service_name']);
    expect(serviceLabels('not a label!')).toEqual(DEFAULT_SERVICE_LABELS);
    expect(serviceLabels(undefined)).toEqual(DEFAULT_SERVICE_LABELS);
  });
});
