import { ChaosRun } from '../../../model/chaos';

/** Runs that were live at some moment of [from, to]; open runs are live until now. */
export function overlaps(run: ChaosRun, from: number, to: number): boolean {
  return run.start <= to && (run.end ?? Infinity) >= from;
}

/**
 * One run per source and id. A backend may list a run twice (a live experiment that is also
 * archived, a journal listed in the index and in the settings): the copy that knows more wins.
 */
export function dedupeRuns(runs: ChaosRun[]): ChaosRun[] {
  const byKey = new Map<string, ChaosRun>();
  for (const run of runs) {
    const key = `${run.source}\u0000${run.id}`;
    const seen = byKey.get(key);
    if (!seen || score(run) > score(seen)) {
      byKey.set(key, run);
    }
  }
  return [...byKey.values()];
}

function score(r: ChaosRun): number {
  return (r.status !== 'unknown' ? 4 : 0) + (r.end !== undefined ? 2 : 0) + Math.min(r.events.length, 1);
}
