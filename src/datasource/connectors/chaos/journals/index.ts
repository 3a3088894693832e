import { ChaosRun } from '../../../../model/chaos';
import { BadResponseError } from '../../../../model/errors';
import { HttpClient } from '../../../http/client';
import { BackendResult, ChaosBackend, LoadContext, clientOptions } from '../backend';
import { fetchJournals, journalPaths, JOURNALS, ROUTE } from './client';
import { mapJournal } from './mapper';

const CACHE_PREFIX = 'chaos:journal:';

/**
 * Journals are files that never change once a run has ended, so finished runs are kept in the
 * data source's cache and only new or still-running journals are fetched again.
 */
async function load(ctx: LoadContext): Promise<BackendResult> {
  const client = new HttpClient(clientOptions(ctx, JOURNALS));
  const paths = await journalPaths(ctx, client);
  const cache = ctx.cache ?? new Map<string, unknown>();
  const cached = new Map(paths.map((p) => [p, cache.get(CACHE_PREFIX + p) as ChaosRun | undefined]));
  const { journals, failed } = await fetchJournals(ctx, client, paths.filter((p) => !cached.get(p)));
  const base = ctx.settings.journalsUrl?.replace(/\/+$/, '');
  for (const { path, journal } of journals) {
    const run = mapJournal(journal, path, base ? base + path : undefined);
    cached.set(path, run);
    if (run?.end !== undefined) {
      cache.set(CACHE_PREFIX + path, run);
    }
  }
  const runs = [...cached.values()].filter((r): r is ChaosRun => r !== undefined);
  if (failed.length === 0) {
    return { runs };
  }
  const summary = `${failed.length} of ${paths.length} journals could not be read; first: ${failed[0].message.replace(`${JOURNALS}: `, '')}`;
  return { runs, warnings: [new BadResponseError(summary, JOURNALS, failed[0].status)] };
}

export const journalsBackend: ChaosBackend = {
  source: 'chaostoolkit',
  name: 'Chaos Toolkit',
  where: JOURNALS,
  route: ROUTE,
  isConfigured: (s) => Boolean(s.journalsUrl && (s.journalIndex || s.journals?.length)),
  settings: [
    { kind: 'text', key: 'journalsUrl', label: 'Chaos Toolkit journals base URL' },
    { kind: 'text', key: 'journalIndex', label: 'Journal index path', description: 'A JSON array of journal paths below the base URL', placeholder: '/index.json' },
  ],
  load,
};
