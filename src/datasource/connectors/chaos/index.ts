import { ChaosRun } from '../../../model/chaos';
import { FaultlineError, isFaultlineError } from '../../../model/errors';
import { QueryContext } from '../context';
import { ChaosFilter } from '../../types';
import { LoadContext } from './backend';
import { configuredBackends } from './backends';
import { matchesFilter, resolveFilter } from './filter';
import { dedupeRuns, overlaps } from './runs';

export interface RunsResult {
  runs: ChaosRun[];
  /** One entry per configured backend that failed: the runs of the others are still returned. */
  errors: FaultlineError[];
  /** Names of the backends that returned nothing at all (the rest of `errors` are partial failures). */
  failedBackends?: string[];
  /** How many backends were asked (configured and allowed by the source filter). */
  backends?: number;
}

/**
 * Runs overlapping ctx.range from every configured chaos backend, filtered and sorted by start.
 * A bad filter throws an InputError; a failing backend adds to `errors` and the others still load.
 */
export async function loadRuns(ctx: QueryContext, filter: ChaosFilter = {}): Promise<RunsResult> {
  const f = resolveFilter(filter, (v) => ctx.interpolate(v));
  const backends = configuredBackends(ctx.settings).filter((b) => !f.sources || f.sources.has(b.source));
  const loadCtx: LoadContext = {
    settings: ctx.settings,
    transport: ctx.transport,
    range: ctx.range,
    signal: ctx.signal,
    timeoutMs: ctx.settings.timeoutSeconds ? ctx.settings.timeoutSeconds * 1000 : undefined,
    cache: ctx.cache,
  };
  const settled = await Promise.allSettled(backends.map((b) => b.load(loadCtx)));
  const runs: ChaosRun[] = [];
  const errors: FaultlineError[] = [];
  const failedBackends: string[] = [];
  settled.forEach((s, i) => {
    if (s.status === 'fulfilled') {
      runs.push(...s.value.runs);
      errors.push(...(s.value.warnings ?? []));
    } else if (isFaultlineError(s.reason)) {
      errors.push(s.reason);
      failedBackends.push(backends[i].where);
    } else {
      failedBackends.push(backends[i].where);
      // Not a backend problem but a bug: say which backend, keep the others' runs.
      errors.push(new FaultlineError(`unexpected error: ${String(s.reason)}`, backends[i].where));
    }
  });
  const { from, to } = ctx.range;
  return {
    runs: dedupeRuns(runs)
      .filter((r) => overlaps(r, from, to) && matchesFilter(r, f))
      .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
    errors,
    failedBackends,
    backends: backends.length,
  };
}
