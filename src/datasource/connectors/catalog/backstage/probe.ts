import { BadResponseError, InputError } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { jsonProbe } from '../../probe';
import { CatalogBackend } from '../backend';
import { BACKSTAGE, readPage, ROUTE } from './client';

/** One by-query request for a single component: proves the URL, the token and that the catalog holds something. */
export const backstageProbe: CatalogBackend['probe'] = (settings, transport) => {
  if (!settings.backstageUrl) {
    return { name: BACKSTAGE, run: () => Promise.reject(new InputError('no URL is set', BACKSTAGE)) };
  }
  const timeoutMs = settings.timeoutSeconds ? settings.timeoutSeconds * 1000 : undefined;
  const client = new HttpClient({ where: BACKSTAGE, transport, attempts: 1, ...(timeoutMs ? { timeoutMs } : {}) });
  const params = { filter: 'kind=component', limit: 1, fields: 'metadata.name' };
  return jsonProbe(BACKSTAGE, client, { route: ROUTE, path: '/api/catalog/entities/by-query', params }, (body) => {
    const { items } = readPage(body as Parameters<typeof readPage>[0]);
    const total = (body as { totalItems?: unknown }).totalItems;
    if (items.length === 0) {
      throw new BadResponseError(
        'is reachable but holds no components; check catalog.locations and the catalog rules of the Backstage app-config',
        BACKSTAGE
      );
    }
    return `${BACKSTAGE} answers: ${typeof total === 'number' ? `${total} components` : 'components found'}`;
  });
};
