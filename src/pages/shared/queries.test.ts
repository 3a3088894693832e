import { testDataSources } from './testDataSources';
import { pageSettings } from '../../components/AppConfig/settings';
import { keyMetricQueries, scorecardQuery } from './queries';

describe('page queries', () => {
  const s = pageSettings({ datasourceUid: 'ds1', scorecard: { chaosWindowDays: 7 } }, testDataSources);

  it('send the scorecard query to the configured instance with the app rule settings', () => {
    const q = scorecardQuery(s, { team: '$team' });
    expect(q).toMatchObject({
      queryType: 'scorecard',
      datasource: { type: 'faultline-datasource', uid: 'ds1' },
      catalog: { owner: '$team' },
      scorecard: { by: 'service', config: { chaosWindowDays: 7 } },
    });
  });

  it('quote a service name in PromQL so it cannot end the matcher', () => {
    const [requests] = keyMetricQueries(s, 'pay"} or vector(1) #');
    expect(requests.expr).toBe(
      'sum(rate(http_server_requests_total{service="pay\\"} or vector(1) #"}[$__rate_interval]))'
    );
    expect(requests.datasource).toEqual({ type: 'prometheus', uid: 'faultline-prometheus' });
  });

  it('use the configured service label', () => {
    const [, errors] = keyMetricQueries(pageSettings({ serviceLabel: 'job' }, testDataSources), 'payments');
    expect(errors.expr).toContain('{job="payments",code=~"5.."}');
  });
});
