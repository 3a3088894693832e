import { ChaosRun } from './chaos';

/**
 * What a region's colour says: status, except that a run whose hypothesis broke is "deviated" and a
 * finished run that proved nothing is "unknown".
 */
export type Outcome = 'failed' | 'deviated' | 'succeeded' | 'pending' | 'running' | 'aborted' | 'paused' | 'unknown';

export function outcomeOf(run: ChaosRun): Outcome {
  if (run.status === 'failed') {
    return 'failed';
  }
  if (run.verdict?.outcome === 'deviated' && run.status !== 'running' && run.status !== 'pending') {
    return 'deviated';
  }
  // Chaos Toolkit ends a run whose steady state failed before the method as "completed": nothing was
  // injected, so green would claim a resilience the run never tested.
  if (run.verdict?.outcome === 'unknown' && run.status === 'succeeded') {
    return 'unknown';
  }
  return run.status;
}

export const OUTCOME_COLOR: Record<Outcome, string> = {
  failed: '#E02F44',
  deviated: '#E02F44',
  succeeded: '#56A64B',
  pending: '#CCCCDC',
  running: '#FF9830',
  aborted: '#8E8E8E',
  paused: '#8AB8FF',
  unknown: '#8E8E8E',
};

/**
 * Grafana overwrites every annotation's colour with the annotation query's iconColor, except for
 * alert-state events (`newState`): that is the only way to colour regions per run. These states map
 * to red, green, yellow and grey in DashboardQueryRunner and in the scenes annotations layer.
 */
export const OUTCOME_STATE: Record<Outcome, string | undefined> = {
  failed: 'alerting',
  deviated: 'alerting',
  succeeded: 'ok',
  pending: undefined,
  running: 'pending',
  aborted: 'no_data',
  paused: undefined,
  unknown: undefined,
};

/** End of a run for drawing: open runs last until now, but never past the range shown; a pending run has not begun. */
export function drawnEnd(run: ChaosRun, rangeTo: number, now: number): number {
  if (run.status === 'pending') {
    return run.start;
  }
  return Math.max(run.start, run.end ?? Math.min(rangeTo, now));
}

/** Reasons after which a paused run is live again. */
const RESUMED = new Set(['Started', 'Applied', 'Resumed']);

/** Whether the run was paused at `t`: its latest Paused or resuming event at or before `t` is a Paused one. */
export function pausedAt(run: ChaosRun, t: number): boolean {
  let latest: ChaosRun['events'][number] | undefined;
  for (const e of run.events) {
    if (e.time <= t && (e.reason === 'Paused' || RESUMED.has(e.reason)) && (!latest || e.time >= latest.time)) {
      latest = e;
    }
  }
  return latest?.reason === 'Paused';
}

export function verdictText(run: ChaosRun): string {
  if (!run.verdict) {
    return '';
  }
  return run.verdict.detail ? `${run.verdict.outcome} (${run.verdict.detail})` : run.verdict.outcome;
}
