import { Ownership } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { annotationKeys } from '../annotationKeys';
import { CatalogLoadContext, clientOptionsFor } from '../context';
import { indexPeople, mapComponents } from '../mapper';
import { CatalogBackend } from '../backend';
import { BACKSTAGE, COMPONENT_FIELDS, PEOPLE_FIELDS, queryEntities, ROUTE } from './client';
import { backstageProbe } from './probe';

/** Components, plus groups and users for owner display names, read in parallel. */
export async function loadBackstage(ctx: CatalogLoadContext, pageSize?: number): Promise<Ownership[]> {
  const client = new HttpClient(clientOptionsFor(ctx, BACKSTAGE));
  const opts = { pageSize, signal: ctx.signal };
  const [components, people] = await Promise.all([
    queryEntities(client, ['kind=component'], COMPONENT_FIELDS, opts),
    queryEntities(client, ['kind=group', 'kind=user'], PEOPLE_FIELDS, opts),
  ]);
  return mapComponents(components.items, indexPeople(people.items), {
    keys: annotationKeys(ctx.settings.annotationKeys),
    source: 'backstage',
  });
}

export const backstageBackend: CatalogBackend = {
  source: 'backstage',
  name: 'Backstage',
  where: BACKSTAGE,
  route: ROUTE,
  settings: [
    { kind: 'text', key: 'backstageUrl', label: 'Backstage backend URL', placeholder: 'http://backstage:7007' },
    {
      kind: 'secret',
      key: 'backstageToken',
      label: 'Static token',
      description: 'backend.auth.externalAccess static token; sent as Bearer by the data proxy',
    },
  ],
  annotationKeys: true,
  load: (ctx) => loadBackstage(ctx),
  probe: backstageProbe,
};
