import { RULE_IDS, RuleId, RuleSetting, ScorecardConfig, ScorecardSettings } from './types';

export const RULE_LABELS: Record<RuleId, { label: string; description: string }> = {
  owner: { label: 'Owner', description: 'The catalog names an owning team or person it knows' },
  onCall: { label: 'On-call', description: 'An on-call rotation or schedule is linked' },
  runbook: { label: 'Runbook', description: 'A runbook is linked' },
  repo: { label: 'Repository', description: 'The source repository is linked' },
  recentChaos: { label: 'Recent chaos', description: 'A chaos experiment targeted it within the window' },
  steadyState: { label: 'Steady state', description: 'Its last finished experiment kept its steady state' },
  observed: { label: 'Observed', description: 'It appears in the flow data' },
  knownCallers: { label: 'Known callers', description: 'Every caller seen in the flow data is in the catalog' },
  noDrift: {
    label: 'No drift',
    description: 'A production service is seen in the flows, as the Catalog drift query checks',
  },
};

export const DEFAULT_SETTINGS: ScorecardSettings = {
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, { enabled: true, weight: 1 }])) as Record<RuleId, RuleSetting>,
  chaosWindowDays: 30,
  readyScore: 80,
  ignoredCallers: ['user'],
};

const finite = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined;

/**
 * The settings the app config holds, over the defaults. The config is user-edited JSON that may
 * predate a rule, so unknown rules are ignored and bad numbers fall back rather than fail a page.
 */
export function resolveSettings(config: ScorecardConfig | undefined): ScorecardSettings {
  const rules = { ...DEFAULT_SETTINGS.rules };
  for (const id of RULE_IDS) {
    const c = config?.rules?.[id];
    rules[id] = {
      enabled: typeof c?.enabled === 'boolean' ? c.enabled : DEFAULT_SETTINGS.rules[id].enabled,
      weight: finite(c?.weight, 0, 100) ?? DEFAULT_SETTINGS.rules[id].weight,
    };
  }
  return {
    rules,
    chaosWindowDays: finite(config?.chaosWindowDays, 1, 3650) ?? DEFAULT_SETTINGS.chaosWindowDays,
    readyScore: finite(config?.readyScore, 0, 100) ?? DEFAULT_SETTINGS.readyScore,
    ignoredCallers: Array.isArray(config?.ignoredCallers)
      ? config.ignoredCallers.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim())
      : DEFAULT_SETTINGS.ignoredCallers,
  };
}
