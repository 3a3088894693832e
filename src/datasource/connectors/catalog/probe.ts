import { BadResponseError } from '../../../model';
import { HttpClient } from '../../http/client';
import { jsonProbe, ProbeFactory } from '../../health';

export const catalogProbes: ProbeFactory = (settings, transport) => {
  if (settings.catalogSource !== 'backstage' || !settings.backstageUrl) {
    return [];
  }
  const where = 'Backstage catalog';
  const client = new HttpClient({ where, transport, attempts: 1 });
  return [
    jsonProbe(
      where,
      client,
      { route: 'backstage', path: '/api/catalog/entities/by-query', params: { limit: 1, fields: 'metadata.name' } },
      (body) => {
        const items = (body as { items?: unknown })?.items;
        if (!Array.isArray(items)) {
          throw new BadResponseError('answered, but not like a Backstage catalog (no "items")', where);
        }
        if (items.length === 0) {
          throw new BadResponseError('is reachable but holds no entities; check catalog.locations', where);
        }
        return 'Backstage catalog answers';
      }
    ),
  ];
};
