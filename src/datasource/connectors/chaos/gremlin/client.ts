import { InputError } from '../../../../model/errors';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { LoadContext, MAX_ITEMS, clientOptions } from '../backend';
import { num, objs, str, Untrusted } from '../../json';
import { expectObject } from '../shape';
import { GremlinPage, GremlinTask } from './types';

/** The data proxy route of plugin.json this client calls. */
export const ROUTE = 'gremlin';
export const GREMLIN = 'Gremlin';
export const GREMLIN_PAGE = 500;

/** Attacks of the range, following `pageToken` until a short page or no token. */
export async function fetchGremlinAttacks(ctx: LoadContext, pageSize = GREMLIN_PAGE): Promise<Array<Untrusted<GremlinTask>>> {
  const teamId = ctx.settings.gremlinTeamId;
  if (!teamId) {
    throw new InputError('no team ID is set; add it in the data source settings (the attacks API requires it)', GREMLIN);
  }
  const client = new HttpClient(clientOptions(ctx, GREMLIN));
  const { items } = await collectPages<Untrusted<GremlinTask>>(
    async (pageToken) => {
      const params = {
        startTime: new Date(ctx.range.from).toISOString(),
        endTime: new Date(ctx.range.to).toISOString(),
        pageSize,
        pageToken,
        teamId,
      };
      const page: Untrusted<GremlinPage> = expectObject(await client.getJson({ route: ROUTE, path: '/attacks/range', params, signal: ctx.signal }), GREMLIN, '/attacks/range');
      const tasks = objs<GremlinTask>(page.items);
      const full = tasks.length >= (num(page.pageSize) ?? pageSize);
      const token = str(page.pageToken);
      return { items: tasks, next: full && token ? token : undefined };
    },
    { maxItems: MAX_ITEMS, where: GREMLIN }
  );
  return items;
}
