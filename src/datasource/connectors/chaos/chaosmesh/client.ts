import { BackendError } from '../../../../model/errors';
import { encodeSegment } from '../../../../model/safeUrl';
import { parseTimestamp } from '../../../../model/time';
import { HttpClient } from '../../../http/client';
import { collectPages } from '../../../http/paging';
import { LoadContext, MAX_ITEMS, clientOptions } from '../backend';
import { settleLimited } from '../concurrency';
import { expectArray, expectObject } from '../shape';
import { CmArchive, CmDetail, CmEvent, CmExperiment, CmPayload, CmWorkflow } from './types';

export const CHAOS_MESH = 'Chaos Mesh';
/** The data proxy route of plugin.json this client calls. */
export const ROUTE = 'chaosmesh';
/** Events per request; the API has no cursor, so pages walk back in time (it sorts by id desc). */
export const EVENT_PAGE = 5000;

export function chaosMeshClient(ctx: LoadContext): HttpClient {
  return new HttpClient(clientOptions(ctx, CHAOS_MESH));
}

/** Everything the mapper needs for one range: events in it, live experiments, archives, workflows. */
export async function fetchChaosMesh(ctx: LoadContext, client = chaosMeshClient(ctx), pageSize = EVENT_PAGE): Promise<CmPayload & { truncated: boolean }> {
  const get = async <T>(path: string, params?: Record<string, string | number>) =>
    expectArray<T>(await client.getJson({ route: ROUTE, path, params, signal: ctx.signal }), CHAOS_MESH, path);
  const [{ items: events, truncated }, experiments, archives, workflows] = await Promise.all([
    fetchEvents(ctx, get, pageSize),
    get<CmExperiment>('/api/experiments'),
    get<CmArchive>('/api/archives'),
    // Workflows arrived in Chaos Mesh 2.0: an older dashboard answers 404, which is not a failure.
    get<CmWorkflow>('/api/workflows').catch((e) => (e instanceof BackendError && e.status === 404 ? [] : Promise.reject(e))),
  ]);
  return { events, experiments, archives, workflows, truncated };
}

type Get = <T>(path: string, params?: Record<string, string | number>) => Promise<T[]>;

function fetchEvents(ctx: LoadContext, get: Get, pageSize: number): Promise<{ items: CmEvent[]; truncated: boolean }> {
  const from = new Date(ctx.range.from).toISOString();
  return collectPages<CmEvent>(
    async (cursor) => {
      const end = cursor ?? new Date(ctx.range.to).toISOString();
      const page = await get<CmEvent>('/api/events', { start: from, end, limit: pageSize });
      return { items: page, next: page.length < pageSize ? undefined : olderThan(page, end) };
    },
    { maxItems: MAX_ITEMS, where: CHAOS_MESH }
  );
}

/** The oldest time on a full page, unless it is where this page began (all events at one instant). */
function olderThan(page: CmEvent[], end: string): string | undefined {
  let oldest: string | undefined;
  let oldestMs = Infinity;
  for (const e of page) {
    const ms = parseTimestamp(e.created_at) ?? Infinity;
    if (ms < oldestMs) {
      oldestMs = ms;
      oldest = e.created_at;
    }
  }
  return oldest && oldestMs < (parseTimestamp(end) ?? 0) ? new Date(oldestMs).toISOString() : undefined;
}

/** Details are one request per run: only this many runs of a range get them. */
export const MAX_DETAILS = 100;

/**
 * The experiment objects of the given runs (`/api/experiments/{uid}` while live, `/api/archives/{uid}`
 * once archived), a few at a time. A detail that cannot be read leaves its run as it was.
 */
export async function fetchDetails(ctx: LoadContext, refs: Array<{ uid: string; archived: boolean }>, client = chaosMeshClient(ctx)) {
  const wanted = refs.slice(0, MAX_DETAILS);
  const results = await settleLimited(wanted, 6, async ({ uid, archived }) => {
    const path = `${archived ? '/api/archives' : '/api/experiments'}/${encodeSegment(uid)}`;
    return expectObject(await client.getJson({ route: ROUTE, path, signal: ctx.signal }), CHAOS_MESH, path) as CmDetail;
  });
  const details = new Map<string, CmDetail>();
  let failed = 0;
  results.forEach((r, i) => (r.status === 'fulfilled' ? details.set(wanted[i].uid, r.value) : failed++));
  return { details, failed, skipped: refs.length - wanted.length };
}
