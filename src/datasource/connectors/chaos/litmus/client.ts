import { BackendError, BadResponseError, InputError } from '../../../../model/errors';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { LoadContext, MAX_ITEMS, clientOptions } from '../backend';
import { num, obj, objs, str, Untrusted } from '../../json';
import { expectObject } from '../shape';
import { LitmusRun } from './types';

/** The data proxy route of plugin.json this client calls. */
export const ROUTE = 'litmus';
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

const graphqlMessage = (body: unknown) =>
  objs<{ message?: string }>(obj(body)?.errors)
    .map((e) => str(e.message))
    .filter(Boolean)
    .join('; ') || undefined;

/**
 * Runs updated inside the range (ChaosCenter matches `updated_at` against the date range, in epoch
 * milliseconds as strings), page by page: `page` counts from 0 and the server skips page × limit.
 */
export async function fetchLitmusRuns(ctx: LoadContext, pageSize = LITMUS_PAGE): Promise<Array<Untrusted<LitmusRun>>> {
  const projectID = ctx.settings.litmusProjectId;
  if (!projectID) {
    throw new InputError('no project ID is set; add it in the data source settings', LITMUS);
  }
  const client = new HttpClient({ ...clientOptions(ctx, LITMUS), errorMessage: graphqlMessage });
  const { items } = await collectPages<Untrusted<LitmusRun>>(
    async (cursor) => {
      const page = Number(cursor ?? 0);
      const request = {
        pagination: { page, limit: pageSize },
        sort: { field: 'TIME', ascending: false },
        filter: { dateRange: { startDate: String(ctx.range.from), endDate: String(ctx.range.to) } },
      };
      const body = await client.getJson({ route: ROUTE, path: '/api/query', method: 'POST', body: { query: QUERY, variables: { projectID, request } }, signal: ctx.signal });
      const list = listOf(body);
      const runs = objs<LitmusRun>(list.experimentRuns);
      const total = num(list.totalNoOfExperimentRuns) ?? 0;
      const more = runs.length > 0 && (page + 1) * pageSize < total;
      return { items: runs, next: more ? String(page + 1) : undefined };
    },
    { maxItems: MAX_ITEMS, where: LITMUS }
  );
  return items.filter((r) => r.isRemoved !== true);
}

function listOf(body: unknown): { experimentRuns?: unknown; totalNoOfExperimentRuns?: unknown } {
  const res = expectObject(body, LITMUS, '/api/query');
  const message = graphqlMessage(res);
  if (message) {
    throw new BackendError(message, LITMUS);
  }
  const list = obj(obj(res.data)?.listExperimentRun);
  if (!list || !Array.isArray(list.experimentRuns)) {
    throw new BadResponseError('listExperimentRun returned no experimentRuns; is this a ChaosCenter 3.x GraphQL endpoint?', LITMUS);
  }
  return list;
}
