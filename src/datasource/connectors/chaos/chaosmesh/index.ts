import { ChaosRun } from '../../../../model/chaos';
import { InputError } from '../../../../model/errors';
import { ChaosBackend, LoadContext, MAX_ITEMS } from '../backend';
import { overlaps } from '../runs';
import { CHAOS_MESH, chaosMeshClient, fetchChaosMesh, fetchDetails, MAX_DETAILS, ROUTE } from './client';
import { applyDetail } from './detailMapper';
import { mapChaosMesh } from './mapper';
import { CmDetail } from './types';

const CACHE_PREFIX = 'chaos:chaosmesh:detail:';

async function load(ctx: LoadContext) {
  const client = chaosMeshClient(ctx);
  const { truncated, ...payload } = await fetchChaosMesh(ctx, client);
  const mapped = mapChaosMesh(payload, ctx.settings.chaosMeshUrl);
  const { details, failed, skipped } = await detailsFor(ctx, mapped, client);
  const runs = mapped.map((r) => (details.has(r.id) ? applyDetail(r, details.get(r.id)!) : r));
  const warnings: InputError[] = [];
  if (truncated) {
    // Pages walk back from the range end, so what is missing is the oldest part of the range.
    warnings.push(
      new InputError(
        `only the newest ${MAX_ITEMS.toLocaleString('en')} events of the range were read; runs that began earlier may be cut: narrow the time range`,
        CHAOS_MESH
      )
    );
  }
  if (failed > 0 || skipped > 0) {
    const why =
      failed > 0
        ? `${failed} experiment details could not be read`
        : `only the newest ${MAX_DETAILS} runs were looked up`;
    warnings.push(
      new InputError(
        `${why}; those runs lack their labels and selector targets, so label and service filters may miss them`,
        CHAOS_MESH
      )
    );
  }
  return { runs, warnings };
}

/** Details of the runs in the range, newest first; archived ones never change, so they are cached. */
async function detailsFor(ctx: LoadContext, runs: ChaosRun[], client: ReturnType<typeof chaosMeshClient>) {
  const cache = ctx.cache;
  const details = new Map<string, CmDetail>();
  const wanted = runs
    .filter((r) => r.kind !== 'Workflow' && overlaps(r, ctx.range.from, ctx.range.to))
    .sort((a, b) => b.start - a.start)
    .filter((r) => {
      const hit = cache?.get(CACHE_PREFIX + r.id) as CmDetail | undefined;
      return hit ? (details.set(r.id, hit), false) : true;
    })
    .map((r) => ({ uid: r.id, archived: r.labels.archived === 'true' }));
  const fetched = await fetchDetails(ctx, wanted, client);
  for (const { uid, archived } of wanted) {
    const d = fetched.details.get(uid);
    if (d) {
      details.set(uid, d);
      if (archived) {
        cache?.set(CACHE_PREFIX + uid, d);
      }
    }
  }
  return { details, failed: fetched.failed, skipped: fetched.skipped };
}

export const chaosMeshBackend: ChaosBackend = {
  source: 'chaosmesh',
  name: 'Chaos Mesh',
  where: CHAOS_MESH,
  route: ROUTE,
  isConfigured: (s) => Boolean(s.chaosMeshUrl),
  settings: [
    {
      kind: 'text',
      key: 'chaosMeshUrl',
      label: 'Chaos Mesh dashboard URL',
      placeholder: 'http://chaos-dashboard:2333',
    },
    { kind: 'secret', key: 'chaosMeshToken', label: 'Chaos Mesh token' },
  ],
  load,
};
