import { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { FaultlineError } from '../../../model/errors';
import { QueryContext } from '../context';
import { ChaosFilter } from '../../types';
import { ChaosRun } from '../../../model/chaos';
import { loadRuns } from '.';
import { configuredBackends } from './backends';

/**
 * Loads runs for a query handler. With several backends, those that failed become warnings on the
 * frame; when every one failed the query fails with their errors, so the panel shows why.
 */
export async function runsForQuery(ctx: QueryContext, filter: ChaosFilter | undefined): Promise<{ runs: ChaosRun[]; notices: QueryResultMetaNotice[] }> {
  const configured = configuredBackends(ctx.settings).length;
  if (configured === 0) {
    return { runs: [], notices: [{ severity: 'info', text: 'No chaos backend is configured: set a Chaos Mesh, Litmus, Gremlin or journals URL in the data source settings.' }] };
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
