import { InputError } from '../../../../model/errors';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { LoadContext, MAX_ITEMS, clientOptions } from '../backend';
import { expectObject } from '../shape';
import { GremlinPage, GremlinTask } from './types';

export const GREMLIN = 'Gremlin';
export const GREMLIN_PAGE = 500;

/** Attacks of the range, following `pageToken` until a short page or no token. */
export async function fetchGremlinAttacks(ctx: LoadContext, pageSize = GREMLIN_PAGE): Promise<GremlinTask[]> {
  const teamId = ctx.settings.gremlinTeamId;
  if (!teamId) {
    throw new InputError('no team ID is set; add it in the data source settings (the attacks API requires it)', GREMLIN);
  }
  const client = new HttpClient(clientOptions(ctx, GREMLIN));
  const { items } = await collectPages<GremlinTask>(
    async (pageToken) => {
      const params = {
        startTime: new Date(ctx.range.from).toISOString(),
        endTime: new Date(ctx.range.to).toISOString(),
        pageSize,
        pageToken,
        teamId,
      };
      const page = expectObject(await client.getJson({ route: 'gremlin', path: '/attacks/range', params, signal: ctx.signal }), GREMLIN, '/attacks/range') as GremlinPage;
      const tasks = (Array.isArray(page.items) ? page.items : []).filter((t): t is GremlinTask => t !== null && typeof t === 'object');
      const full = tasks.length >= (page.pageSize ?? pageSize);
      return { items: tasks, next: full && page.pageToken ? page.pageToken : undefined };
    },
    { maxItems: MAX_ITEMS, where: GREMLIN }
  );
  return items;
}
