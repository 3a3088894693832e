import { BadResponseError, FaultlineError, InputError } from '../../../../model/errors';
import { HttpClient } from '../../../http/client';
import { LoadContext, MAX_ITEMS } from '../backend';
import { settleLimited } from '../concurrency';
import { expectObject } from '../shape';
import { CtkJournal } from './types';

export const JOURNALS = 'Chaos Toolkit journals';
/** The data proxy route of plugin.json this client calls. */
export const ROUTE = 'journals';
const PARALLEL = 6;

export interface FetchedJournal {
  path: string;
  journal: CtkJournal;
}

/** Journal paths from the index file and the configured list, relative to the journals URL. */
export async function journalPaths(ctx: LoadContext, client: HttpClient): Promise<string[]> {
  const { journalIndex, journals = [], journalsUrl } = ctx.settings;
  if (!journalIndex && journals.length === 0) {
    throw new InputError('neither a journal index nor a list of journals is set', JOURNALS);
  }
  const listed = journalIndex ? await indexBody(ctx, client, journalIndex) : [];
  return indexPaths([...journals, ...listed], journalsUrl);
}

/** The usable, distinct paths of the configured list and the index entries, in that order. */
export function indexPaths(raw: unknown[], journalsUrl: string | undefined): string[] {
  const paths = raw.map((p) => entryPath(p, journalsUrl)).filter((p): p is string => p !== undefined);
  if (raw.length > 0 && paths.length === 0) {
    throw new BadResponseError('the journal index lists no usable paths (expected strings like "/journals/run-1.json")', JOURNALS);
  }
  return [...new Set(paths)].slice(0, MAX_ITEMS);
}

async function indexBody(ctx: LoadContext, client: HttpClient, path: string): Promise<unknown[]> {
  const body = await client.getJson({ route: ROUTE, path: toPath(path, ctx.settings.journalsUrl) ?? path, signal: ctx.signal });
  if (!Array.isArray(body)) {
    throw new BadResponseError(`${path} is not a JSON array of journal paths`, JOURNALS);
  }
  return body;
}

/** An index entry is a path, or an object naming one (`{"path": …}` or `{"url": …}`), as runners differ. */
function entryPath(entry: unknown, base: string | undefined): string | undefined {
  if (typeof entry === 'string') {
    return toPath(entry, base);
  }
  if (entry && typeof entry === 'object') {
    const { path, url } = entry as { path?: unknown; url?: unknown };
    return typeof path === 'string' ? toPath(path, base) : typeof url === 'string' ? toPath(url, base) : undefined;
  }
  return undefined;
}

/**
 * Same-origin absolute URLs become paths; other origins cannot go through the data proxy route, and
 * `..` segments, which would climb out of the journals URL, are refused.
 */
function toPath(entry: string, base: string | undefined): string | undefined {
  const s = entry.trim();
  if (/(^|\/)\.\.(\/|$)/.test(s)) {
    return undefined;
  }
  if (/^https?:\/\//i.test(s)) {
    if (!base || !s.startsWith(base.replace(/\/+$/, ''))) {
      return undefined;
    }
    return s.slice(base.replace(/\/+$/, '').length) || '/';
  }
  return s === '' ? undefined : s.startsWith('/') ? s : `/${s}`;
}

/** Fetches journals a few at a time; one unreadable journal becomes a warning, not a failure. */
export async function fetchJournals(ctx: LoadContext, client: HttpClient, paths: string[]): Promise<{ journals: FetchedJournal[]; failed: FaultlineError[] }> {
  const results = await settleLimited(paths, PARALLEL, async (path) => ({
    path,
    journal: expectObject(await client.getJson({ route: ROUTE, path, signal: ctx.signal }), JOURNALS, path) as CtkJournal,
  }));
  const journals: FetchedJournal[] = [];
  const failed: FaultlineError[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      journals.push(r.value);
    } else if (r.reason instanceof FaultlineError) {
      failed.push(new BadResponseError(`${paths[i]}: ${r.reason.message.replace(`${JOURNALS}: `, '')}`, JOURNALS, r.reason.status));
    } else {
      throw r.reason;
    }
  });
  return { journals, failed };
}
