import { Ownership } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { CatalogLoadContext, clientOptionsFor } from '../context';
import { READ_ONLY_TOKEN } from '../../settings';
import { CatalogBackend, loadProbe } from '../backend';
import { fetchOpsLevelServices, graphqlErrors, OPSLEVEL, ROUTE } from './client';
import { mapOpsLevelService } from './mapper';

export async function loadOpsLevel(ctx: CatalogLoadContext, pageSize?: number): Promise<Ownership[]> {
  const client = new HttpClient({ ...clientOptionsFor(ctx, OPSLEVEL), errorMessage: graphqlErrors });
  const services = await fetchOpsLevelServices(client, ctx.settings.opslevelUrl, ctx.signal, pageSize);
  return services.map(mapOpsLevelService).filter((o): o is Ownership => o !== undefined);
}

export const opsLevelBackend: CatalogBackend = {
  source: 'opslevel',
  name: 'OpsLevel',
  where: OPSLEVEL,
  route: ROUTE,
  settings: [
    {
      kind: 'text',
      key: 'opslevelUrl',
      label: 'OpsLevel GraphQL URL',
      placeholder: 'https://app.opslevel.com/graphql',
    },
    { kind: 'secret', key: 'opslevelToken', label: 'API token', description: READ_ONLY_TOKEN },
  ],
  // OpsLevel has typed fields for owners and tools, not entity annotations.
  annotationKeys: false,
  load: (ctx) => loadOpsLevel(ctx),
  probe: loadProbe({ where: OPSLEVEL, load: (ctx) => loadOpsLevel(ctx) }),
};
