import { BadResponseError } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { Entity } from '../entity';

export const BACKSTAGE = 'Backstage catalog';
/** The data proxy route of plugin.json. */
export const ROUTE = 'backstage';
/** Backstage's own default page is 20; 500 keeps a 5,000-entity catalog to ten round trips. */
export const BACKSTAGE_PAGE = 500;
export const MAX_ENTITIES = 50_000;

/** Only what the mapper reads: annotations and links are small, specs (API definitions!) are not. */
export const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.labels',
  'metadata.tags',
  'metadata.links',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'relations',
];
export const PEOPLE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile',
  'spec.memberOf',
  'relations',
];

interface QueryPage {
  items?: unknown;
  pageInfo?: { nextCursor?: unknown };
}

/**
 * GET /api/catalog/entities/by-query, following `pageInfo.nextCursor`. The cursor encodes the
 * filter, so later pages send only cursor, fields and limit
 * (backstage/backstage plugins/catalog-backend/src/schema/openapi.yaml, EntitiesQueryResponse).
 */
export async function queryEntities(
  client: HttpClient,
  filters: string[],
  fields: string[],
  opts: { pageSize?: number; signal?: AbortSignal; maxItems?: number } = {}
): Promise<{ items: Entity[]; truncated: boolean }> {
  const limit = opts.pageSize ?? BACKSTAGE_PAGE;
  return collectPages<Entity>(
    async (cursor) => {
      const params = cursor
        ? { cursor, fields: fields.join(','), limit }
        : { filter: filters, fields: fields.join(','), limit };
      const body = await client.getJson<QueryPage>({
        route: ROUTE,
        path: '/api/catalog/entities/by-query',
        params,
        signal: opts.signal,
      });
      return readPage(body);
    },
    { maxItems: opts.maxItems ?? MAX_ENTITIES, where: BACKSTAGE }
  );
}

export function readPage(body: QueryPage): { items: Entity[]; next?: string } {
  if (!body || typeof body !== 'object' || !Array.isArray(body.items)) {
    throw new BadResponseError(
      'answered, but not like a Backstage catalog (no "items" list); check that the URL is the backend root, e.g. http://backstage:7007',
      BACKSTAGE
    );
  }
  const items = body.items.filter((e): e is Entity => e !== null && typeof e === 'object');
  const next = body.pageInfo?.nextCursor;
  return { items, next: typeof next === 'string' && next !== '' && items.length > 0 ? next : undefined };
}
