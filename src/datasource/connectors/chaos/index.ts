import { ChaosRun, FaultlineError } from '../../../model';
import { HandlerContext } from '../../handlers/context';
import { ChaosFilter } from '../../types';

export interface RunsResult {
  runs: ChaosRun[];
  /** One entry per configured backend that failed: the runs of the others are still returned. */
  errors: FaultlineError[];
}

/** Runs overlapping ctx.range from every configured chaos backend, filtered. */
export async function loadRuns(_ctx: HandlerContext, _filter: ChaosFilter = {}): Promise<RunsResult> {
  return { runs: [], errors: [] };
}
