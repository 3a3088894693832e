/** `pending`: accepted but not started (a queued run): it has no region and no duration yet. */
export const CHAOS_STATUSES = ['pending', 'running', 'succeeded', 'failed', 'aborted', 'paused', 'unknown'] as const;
export type ChaosStatus = (typeof CHAOS_STATUSES)[number];

export const CHAOS_SOURCES = ['chaosmesh', 'litmus', 'gremlin', 'chaostoolkit'] as const;
export type ChaosSource = (typeof CHAOS_SOURCES)[number];

/** Outcome judged by the experiment itself (steady state, resiliency score), apart from whether it ran. */
export interface ChaosVerdict {
  /** passed: hypothesis held; deviated: it did not; unknown: the backend did not say. */
  outcome: 'passed' | 'deviated' | 'unknown';
  /** Backend-specific detail, e.g. "resiliency score 80%". */
  detail?: string;
}

export interface ChaosEvent {
  time: number;
  /** Reason or activity name as the backend states it. */
  reason: string;
  message?: string;
  level?: 'info' | 'warning' | 'error';
}

/** One experiment run, normalized from every chaos backend. Times are epoch milliseconds. */
export interface ChaosRun {
  source: ChaosSource;
  id: string;
  name: string;
  kind: string;
  namespace?: string;
  /** Services (or workloads) the fault was injected into. */
  targets: string[];
  start: number;
  /** Absent while the run is still in progress. */
  end?: number;
  status: ChaosStatus;
  verdict?: ChaosVerdict;
  url?: string;
  labels: Record<string, string>;
  events: ChaosEvent[];
  /** What the backend left unsaid and the reader should know, e.g. "no end event". */
  remarks?: string[];
}
