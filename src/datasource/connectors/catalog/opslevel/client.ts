import { BackendError, BadResponseError } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { OlService, OlServicesResponse } from './types';

export const OPSLEVEL = 'OpsLevel';
/** The data proxy route of plugin.json. */
export const ROUTE = 'opslevel';
export const OPSLEVEL_PAGE = 100;

/** Paged with Relay cursors like opslevel-go's ListServices (`services(after:, first:)`). */
export const SERVICES_QUERY = `query FaultlineServices($after: String, $first: Int) {
  account {
    services(after: $after, first: $first) {
      nodes {
        id name aliases description htmlUrl
        owner { alias name contacts { type address displayName } }
        tier { alias name index }
        lifecycle { alias name index }
        parent { aliases name }
        tags { nodes { key value } }
        tools { nodes { category displayName environment url } }
        onCalls { nodes { name externalEmail } }
      }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
}`;

export function graphqlErrors(body: unknown): string | undefined {
  const errors = (body as OlServicesResponse | null)?.errors;
  return Array.isArray(errors) && errors.length > 0
    ? errors.map((e) => e?.message ?? 'unknown error').join('; ')
    : undefined;
}

/** The setting may name the endpoint (https://app.opslevel.com/graphql) or only the host. */
export function graphqlPath(opslevelUrl: string | undefined): string {
  return /\/graphql\/?$/.test(opslevelUrl ?? '') ? '' : '/graphql';
}

export async function fetchOpsLevelServices(
  client: HttpClient,
  opslevelUrl: string | undefined,
  signal?: AbortSignal,
  pageSize = OPSLEVEL_PAGE
): Promise<OlService[]> {
  const { items } = await collectPages<OlService>(
    async (after) => {
      const body = await client.getJson<OlServicesResponse>({
        route: ROUTE,
        path: graphqlPath(opslevelUrl),
        method: 'POST',
        body: { query: SERVICES_QUERY, variables: { after: after ?? null, first: pageSize } },
        signal,
      });
      const errors = graphqlErrors(body);
      if (errors) {
        throw new BackendError(errors, OPSLEVEL);
      }
      const services = body?.data?.account?.services;
      if (!services || !Array.isArray(services.nodes)) {
        throw new BadResponseError(
          'answered without data.account.services; check the URL (e.g. https://app.opslevel.com/graphql)',
          OPSLEVEL
        );
      }
      const next = services.pageInfo?.hasNextPage ? (services.pageInfo.endCursor ?? undefined) : undefined;
      return { items: services.nodes.filter((n): n is OlService => !!n && typeof n === 'object'), next };
    },
    { maxItems: 50_000, where: OPSLEVEL }
  );
  return items;
}
