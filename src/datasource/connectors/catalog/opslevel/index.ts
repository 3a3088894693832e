import { Ownership } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { CatalogLoadContext, clientOptionsFor } from '../context';
import { fetchOpsLevelServices, graphqlErrors, OPSLEVEL } from './client';
import { mapOpsLevelService } from './mapper';

export async function loadOpsLevel(ctx: CatalogLoadContext, pageSize?: number): Promise<Ownership[]> {
  const client = new HttpClient({ ...clientOptionsFor(ctx, OPSLEVEL), errorMessage: graphqlErrors });
  const services = await fetchOpsLevelServices(client, ctx.settings.opslevelUrl, ctx.signal, pageSize);
  return services.map(mapOpsLevelService).filter((o): o is Ownership => o !== undefined);
}
