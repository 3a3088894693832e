import { BadResponseError } from '../../../model';
import { HttpClient } from '../../http/client';
import { jsonProbe, ProbeFactory } from '../probe';
import { PROMETHEUS_WHERE, promErrorMessage, prometheusRoute } from './promClient';

/** Every Prometheus-compatible store answers an instant query of a constant. */
export const flowProbes: ProbeFactory = (settings, transport) => {
  if (!settings.prometheusUrl) {
    return [];
  }
  const where = PROMETHEUS_WHERE;
  const client = new HttpClient({ where, transport, attempts: 1, errorMessage: promErrorMessage });
  return [
    jsonProbe(
      where,
      client,
      { route: prometheusRoute(settings), path: '/api/v1/query', params: { query: '1' } },
      (body) => {
        if ((body as { status?: string })?.status !== 'success') {
          throw new BadResponseError('answered, but not like a Prometheus query API', where);
        }
        return 'Prometheus store answers queries';
      }
    ),
  ];
};
