import { BadResponseError, InputError } from '../../../model';
import { HttpClient } from '../../http/client';
import { jsonProbe, Probe, ProbeFactory } from '../probe';
import { BACKSTAGE, readPage } from './backstage/client';
import { loadCatalogFiles } from './files';
import { CATALOG_FILES } from './files/parse';
import { loadOpsLevel } from './opslevel';
import { OPSLEVEL } from './opslevel/client';

/** One by-query request for a single component: proves the URL, the token and that the catalog holds something. */
function backstageProbe(client: HttpClient): Probe {
  const params = { filter: 'kind=component', limit: 1, fields: 'metadata.name' };
  return jsonProbe(
    BACKSTAGE,
    client,
    { route: 'backstage', path: '/api/catalog/entities/by-query', params },
    (body) => {
      const { items } = readPage(body as Parameters<typeof readPage>[0]);
      const total = (body as { totalItems?: unknown }).totalItems;
      if (items.length === 0) {
        throw new BadResponseError(
          'is reachable but holds no components; check catalog.locations and the catalog rules of the Backstage app-config',
          BACKSTAGE
        );
      }
      return `${BACKSTAGE} answers: ${typeof total === 'number' ? `${total} components` : 'components found'}`;
    }
  );
}

/** The other connectors are probed by loading them: files and OpsLevel have no cheaper question to ask. */
function loadProbe(name: string, load: () => Promise<unknown[]>): Probe {
  return {
    name,
    run: async () => {
      const n = (await load()).length;
      if (n === 0) {
        throw new BadResponseError('holds no components', name);
      }
      return `${name}: ${n} services`;
    },
  };
}

export const catalogProbes: ProbeFactory = (settings, transport) => {
  const timeoutMs = settings.timeoutSeconds ? settings.timeoutSeconds * 1000 : undefined;
  switch (settings.catalogSource) {
    case 'backstage':
      if (!settings.backstageUrl) {
        return [{ name: BACKSTAGE, run: () => Promise.reject(new InputError('no URL is set', BACKSTAGE)) }];
      }
      return [
        backstageProbe(
          new HttpClient({ where: BACKSTAGE, transport, attempts: 1, ...(timeoutMs ? { timeoutMs } : {}) })
        ),
      ];
    case 'catalog-files':
      return [loadProbe(CATALOG_FILES, () => loadCatalogFiles({ settings, transport }))];
    case 'opslevel':
      return [loadProbe(OPSLEVEL, () => loadOpsLevel({ settings, transport }))];
    default:
      return [];
  }
};
