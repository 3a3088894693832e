import { isDateTime, type RawTimeRange } from '@grafana/data';
import { prefixRoute, ROUTES, serviceRoute } from '../constants';

function timeParam(t: RawTimeRange['from']): string {
  return isDateTime(t) ? String(t.valueOf()) : String(t);
}

/** The service page of one service. */
export const servicePath = (service: string) => serviceRoute(service);

/** The experiments page narrowed to the services (its `service` variable) and the time range. */
export function chaosRunsPath(services: string[], timeRange?: RawTimeRange): string {
  const q = new URLSearchParams();
  if (timeRange) {
    q.set('from', timeParam(timeRange.from));
    q.set('to', timeParam(timeRange.to));
  }
  q.set('var-service', services.join(','));
  return `${prefixRoute(ROUTES.Experiments)}?${q.toString()}`;
}
