/** Every readiness rule, in the order they are shown and hinted. */
export const RULE_IDS = [
  'owner',
  'onCall',
  'runbook',
  'repo',
  'recentChaos',
  'steadyState',
  'observed',
  'knownCallers',
  'noDrift',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** `na`: the rule could not be judged (no flow data configured) and does not count toward the score. */
export type RuleOutcome = 'pass' | 'fail' | 'na';

export interface RuleSetting {
  enabled: boolean;
  /** Share of the score relative to the other enabled rules. */
  weight: number;
}

export interface ScorecardSettings {
  rules: Record<RuleId, RuleSetting>;
  /** A chaos run counts as recent when it started within this many days. */
  chaosWindowDays: number;
  /** Score (0–100) from which a service counts as ready. */
  readyScore: number;
  /** Callers that are no service and never count as unknown, e.g. Tempo's virtual `user` client. */
  ignoredCallers: string[];
}

/** What the app config stores: any part may be missing or stale, `resolveSettings` fills the rest. */
export interface ScorecardConfig {
  rules?: Partial<Record<RuleId, Partial<RuleSetting>>>;
  chaosWindowDays?: number;
  readyScore?: number;
  ignoredCallers?: string[];
}

export interface RuleResult {
  rule: RuleId;
  outcome: RuleOutcome;
  /** What to do to pass, shown when the rule fails. */
  hint?: string;
}

export interface ServiceScore {
  service: string;
  team?: string;
  /** 0–100, rounded; undefined when no enabled rule could be judged. */
  score?: number;
  ready: boolean;
  results: RuleResult[];
}

export interface TeamScore {
  team: string;
  services: number;
  ready: number;
  /** Mean of the service scores. */
  score?: number;
}

/** What a `scorecard` query carries beside the catalog filter (`catalog`) and flow preset (`flows.preset`). */
export interface ScorecardQueryOptions {
  /** The rule settings; the app pages pass the app's, dashboards get the defaults. */
  config?: ScorecardConfig;
  /** One row per service (default), per team, or per service and rule. */
  by?: 'service' | 'team' | 'rule';
  /** Text the service, title, team, owner or system must contain (case-insensitive); may be a variable. */
  search?: string;
}
