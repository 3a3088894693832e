import { createDataFrame, DataFrame, FieldConfig, FieldType, MappingType, ThresholdsMode, ValueMapping } from '@grafana/data';
import { clipForDisplay, DEFAULT_NAMESPACE, FRAME_NAMES } from '../model';
import { outcomeOf, verdictText } from '../model/outcome';
import { hintOf, ServiceReport } from './evaluate';
import { lastFinished } from './rules';
import { RULE_LABELS } from './settings';
import { RULE_IDS, RuleId, ScorecardSettings, TeamScore } from './types';

/** Column name of a rule: `rule_onCall` and so on, stable for overrides and tests. */
export const ruleField = (id: RuleId) => `rule_${id}`;

const RULE_MAPPINGS: ValueMapping[] = [
  {
    type: MappingType.ValueToText,
    options: {
      pass: { text: '✓', color: 'green', index: 0 },
      fail: { text: '✗', color: 'red', index: 1 },
      na: { text: '–', color: 'text', index: 2 },
    },
  },
];

const SCORE_CONFIG = (readyScore: number): FieldConfig => ({
  unit: 'percent',
  min: 0,
  max: 100,
  thresholds: {
    mode: ThresholdsMode.Absolute,
    steps: [
      { value: -Infinity, color: 'red' },
      { value: readyScore / 2, color: 'orange' },
      { value: readyScore, color: 'green' },
    ],
  },
  custom: { cellOptions: { type: 'color-text' } },
});

/**
 * The `scorecard` table: one row per service with its ownership, its last chaos run, its
 * neighbours in the flow data, its score and one pass/fail column per enabled rule.
 * `serviceUrl` turns the service name into a link (the app's service page).
 */
export function scorecardFrame(reports: ServiceReport[], settings: ScorecardSettings, serviceUrl?: string): DataFrame {
  const rules = RULE_IDS.filter((id) => settings.rules[id].enabled);
  const last = reports.map((r) => lastRun(r));
  const text = (values: Array<string | undefined>) => values.map((v) => clipForDisplay(v ?? ''));
  const names = reports.map((r) => r.service.toLowerCase());
  const repeated = new Set(names).size < names.length;
  return createDataFrame({
    name: FRAME_NAMES.scorecard,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      {
        name: 'service',
        type: FieldType.string,
        values: reports.map((r) => r.service),
        config: serviceUrl ? { links: [{ title: 'Open service', url: serviceUrl }] } : {},
      },
      {
        // Shown only when two services share a name; always there for the link to the service page.
        name: 'namespace',
        type: FieldType.string,
        values: reports.map((r) => r.ownership.namespace ?? DEFAULT_NAMESPACE),
        config: repeated ? {} : { custom: { hideFrom: { viz: true, legend: false, tooltip: false } } },
      },
      { name: 'team', type: FieldType.string, values: text(reports.map((r) => r.team)) },
      {
        name: 'owner',
        type: FieldType.string,
        values: text(reports.map((r) => r.ownership.owner ?? (r.ownership.ownerRef ? undefined : NO_OWNER))),
      },
      { name: 'tier', type: FieldType.string, values: text(reports.map((r) => r.ownership.tier)) },
      { name: 'lifecycle', type: FieldType.string, values: text(reports.map((r) => r.ownership.lifecycle)) },
      { name: 'on_call', type: FieldType.string, values: text(reports.map((r) => r.ownership.onCall?.title)) },
      {
        name: 'score',
        type: FieldType.number,
        values: reports.map((r) => r.score ?? null),
        config: SCORE_CONFIG(settings.readyScore),
      },
      { name: 'ready', type: FieldType.boolean, values: reports.map((r) => r.ready) },
      ...rules.map((id) => ({
        name: ruleField(id),
        type: FieldType.string,
        values: reports.map((r) => r.results.find((x) => x.rule === id)?.outcome ?? 'na'),
        config: {
          displayName: RULE_LABELS[id].label,
          description: RULE_LABELS[id].description,
          mappings: RULE_MAPPINGS,
          custom: { cellOptions: { type: 'color-text' }, align: 'center' },
        },
      })),
      { name: 'last_run', type: FieldType.string, values: text(last.map((r) => r?.name)) },
      { name: 'last_run_start', type: FieldType.time, values: last.map((r) => r?.start ?? null) },
      { name: 'last_outcome', type: FieldType.string, values: last.map((r) => (r ? outcomeOf(r) : '')) },
      { name: 'last_verdict', type: FieldType.string, values: last.map((r) => (r ? verdictText(r) : '')) },
      { name: 'callers', type: FieldType.string, values: text(reports.map((r) => r.flows?.callers.join(', '))) },
      { name: 'callees', type: FieldType.string, values: text(reports.map((r) => r.flows?.callees.join(', '))) },
      { name: 'hint', type: FieldType.string, values: text(reports.map(hintOf)) },
    ],
  });
}

/** What the owner column says of a service the catalog gives no owner at all. */
export const NO_OWNER = 'no owner';

/** The run the catalog shows: the last finished one, else the latest started (still running). */
function lastRun(r: ServiceReport) {
  return lastFinished(r.runs) ?? [...r.runs].sort((a, b) => b.start - a.start)[0];
}

/** Per team: services, ready services and mean score. */
export function teamScoreFrame(teams: TeamScore[], settings: ScorecardSettings): DataFrame {
  return createDataFrame({
    name: `${FRAME_NAMES.scorecard}-teams`,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'team', type: FieldType.string, values: teams.map((t) => t.team) },
      { name: 'services', type: FieldType.number, values: teams.map((t) => t.services) },
      { name: 'ready', type: FieldType.number, values: teams.map((t) => t.ready) },
      {
        name: 'score',
        type: FieldType.number,
        values: teams.map((t) => t.score ?? null),
        config: SCORE_CONFIG(settings.readyScore),
      },
    ],
  });
}

/** One row per service and enabled rule: what passed, what failed and what to do about it. */
export function ruleFrame(reports: ServiceReport[], settings: ScorecardSettings): DataFrame {
  const rows = reports.flatMap((r) => r.results.map((x) => ({ service: r.service, ...x })));
  return createDataFrame({
    name: `${FRAME_NAMES.scorecard}-rules`,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      { name: 'service', type: FieldType.string, values: rows.map((r) => r.service) },
      { name: 'rule', type: FieldType.string, values: rows.map((r) => RULE_LABELS[r.rule].label) },
      {
        name: 'result',
        type: FieldType.string,
        values: rows.map((r) => r.outcome),
        config: { mappings: RULE_MAPPINGS, custom: { cellOptions: { type: 'color-text' }, align: 'center' } },
      },
      { name: 'weight', type: FieldType.number, values: rows.map((r) => settings.rules[r.rule].weight) },
      {
        name: 'hint',
        type: FieldType.string,
        values: rows.map((r) => (r.outcome === 'fail' ? (r.hint ?? '') : RULE_LABELS[r.rule].description)),
      },
    ],
  });
}
