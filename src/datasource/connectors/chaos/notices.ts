import { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { FaultlineError } from '../../../model/errors';
import { QueryContext } from '../context';
import { ChaosFilter } from '../../types';
import { ChaosRun } from '../../../model/chaos';
import { loadRuns } from '.';
import { CHAOS_BACKENDS, configuredBackends } from './backends';

/**
 * Loads runs for a query handler. With several backends, those that failed become warnings on the
 * frame; when every one failed the query fails with their errors, so the panel shows why.
 */
export async function runsForQuery(ctx: QueryContext, filter: ChaosFilter | undefined): Promise<{ runs: ChaosRun[]; notices: QueryResultMetaNotice[] }> {
  const configured = configuredBackends(ctx.settings).length;
  if (configured === 0) {
    return { runs: [], notices: [{ severity: 'info', text: `No chaos backend is configured: set the URL of ${backendNames()} in the data source settings.` }] };
  }
  const { runs, errors, failedBackends = [], backends = configured } = await loadRuns(ctx, filter ?? {});
  if (failedBackends.length > 0 && failedBackends.length >= backends) {
    throw errors.length === 1 ? errors[0] : new FaultlineError(errors.map((e) => e.message).join(' · '), 'Chaos backends');
  }
  return { runs, notices: errors.map((e) => ({ severity: 'warning', text: e.message })) };
}

export function withNotices(frame: DataFrame, notices: QueryResultMetaNotice[]): DataFrame {
  return notices.length ? { ...frame, meta: { ...frame.meta, notices: [...(frame.meta?.notices ?? []), ...notices] } } : frame;
}

/** "Chaos Mesh, LitmusChaos, Gremlin or Chaos Toolkit", from the registry. */
function backendNames(): string {
  const names = Object.values(CHAOS_BACKENDS).map((b) => b.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
}
