import { BackendError, InputError } from '../../../../model/errors';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { LoadContext, MAX_ITEMS, clientOptions } from '../backend';
import { expectObject } from '../shape';
import { LitmusListResponse, LitmusRun } from './types';

export const LITMUS = 'LitmusChaos';
export const LITMUS_PAGE = 100;

const QUERY = `query listExperimentRun($projectID: ID!, $request: ListExperimentRunRequest!) {
  listExperimentRun(projectID: $projectID, request: $request) {
    totalNoOfExperimentRuns
    experimentRuns {
      experimentRunID experimentID experimentName experimentType phase resiliencyScore
      faultsPassed faultsFailed totalFaults createdAt updatedAt executionData experimentManifest
      isRemoved runSequence infra { infraID name infraNamespace environmentID tags }
    }
  }
}`;

const graphqlMessage = (body: unknown) => (body as LitmusListResponse)?.errors?.map((e) => e.message).filter(Boolean).join('; ') || undefined;

/**
 * Runs updated inside the range (ChaosCenter matches `updated_at` against the date range, in epoch
 * milliseconds as strings), page by page: `page` counts from 0 and the server skips page × limit.
 */
export async function fetchLitmusRuns(ctx: LoadContext, pageSize = LITMUS_PAGE): Promise<LitmusRun[]> {
  const projectID = ctx.settings.litmusProjectId;
  if (!projectID) {
    throw new InputError('no project ID is set; add it in the data source settings', LITMUS);
  }
  const client = new HttpClient({ ...clientOptions(ctx, LITMUS), errorMessage: graphqlMessage });
  const { items } = await collectPages<LitmusRun>(
    async (cursor) => {
      const page = Number(cursor ?? 0);
      const request = {
        pagination: { page, limit: pageSize },
        sort: { field: 'TIME', ascending: false },
        filter: { dateRange: { startDate: String(ctx.range.from), endDate: String(ctx.range.to) } },
      };
      const body = await client.getJson({ route: 'litmus', path: '/api/query', method: 'POST', body: { query: QUERY, variables: { projectID, request } }, signal: ctx.signal });
      const list = listOf(body);
      const runs = (list.experimentRuns ?? []).filter((r): r is LitmusRun => r !== null && typeof r === 'object');
      const total = list.totalNoOfExperimentRuns ?? 0;
      const more = runs.length > 0 && (page + 1) * pageSize < total;
      return { items: runs, next: more ? String(page + 1) : undefined };
    },
    { maxItems: MAX_ITEMS, where: LITMUS }
  );
  return items.filter((r) => !r.isRemoved);
}

function listOf(body: unknown): NonNullable<NonNullable<LitmusListResponse['data']>['listExperimentRun']> {
  const res = expectObject(body, LITMUS, '/api/query') as LitmusListResponse;
  const message = graphqlMessage(res);
  if (message) {
    throw new BackendError(message, LITMUS);
  }
  const list = res.data?.listExperimentRun;
  if (!list || !Array.isArray(list.experimentRuns)) {
    throw new BackendError('listExperimentRun returned no experimentRuns; is this a ChaosCenter 3.x GraphQL endpoint?', LITMUS);
  }
  return list;
}
