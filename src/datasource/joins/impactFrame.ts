import { createDataFrame, DataFrame, FieldType, MappingType } from '@grafana/data';
import { FRAME_NAMES, MeasuredChange, RunImpact, ServiceImpact } from '../../model';
import { PLUGIN_BASE_URL } from '../../constants';
import { reachText } from './impact';

/** The app's service page of a row; Grafana fills in (and URI-encodes) the row's values. */
const SERVICE_PAGE = `${PLUGIN_BASE_URL}/service/\${__data.fields.catalog_namespace}/\${__data.fields.service}`;

const IMPACT_COLOURS = {
  type: MappingType.ValueToText,
  options: {
    broken: { color: 'red', index: 0 },
    degraded: { color: 'orange', index: 1 },
    unaffected: { color: 'green', index: 2 },
    unknown: { color: 'text', index: 3 },
  },
} as const;

const delta = (c: MeasuredChange | undefined) => (c ? c.run - c.baseline : null);
const relative = (c: MeasuredChange | undefined) => (c && c.baseline > 0 ? (c.run - c.baseline) / c.baseline : null);

/**
 * One row per measured service of every run: who it is, who to tell, how each measure moved and
 * the impact, plus the run's reach. A run that measured nothing is one row with the reason.
 */
export function impactFrame(impacts: RunImpact[], refId?: string): DataFrame {
  const rows = impacts.flatMap((r): Array<{ r: RunImpact; s?: ServiceImpact }> =>
    r.services.length > 0 ? r.services.map((s) => ({ r, s })) : [{ r }]
  );
  const col = <T>(f: (x: (typeof rows)[number]) => T) => rows.map(f);
  return createDataFrame({
    name: FRAME_NAMES.impact,
    refId,
    fields: [
      { name: 'run', type: FieldType.string, values: col(({ r }) => r.runName) },
      { name: 'run_id', type: FieldType.string, values: col(({ r }) => r.runId) },
      {
        name: 'service',
        type: FieldType.string,
        values: col(({ s }) => s?.service ?? ''),
        config: { links: [{ title: 'Service page', url: SERVICE_PAGE }] },
      },
      { name: 'catalog_namespace', type: FieldType.string, values: col(({ s }) => s?.catalogNamespace ?? 'default') },
      {
        name: 'role',
        type: FieldType.string,
        values: col(({ s }) => (s ? (s.role === 'target' ? 'target' : `${s.hops} hop${s.hops > 1 ? 's' : ''}`) : '')),
      },
      { name: 'team', type: FieldType.string, values: col(({ s }) => s?.team ?? '') },
      {
        name: 'on_call',
        type: FieldType.string,
        values: col(({ s }) => s?.onCall?.title ?? ''),
      },
      { name: 'on_call_url', type: FieldType.string, values: col(({ s }) => s?.onCall?.url ?? '') },
      {
        name: 'delta_error',
        type: FieldType.number,
        values: col(({ s }) => delta(s?.errorShare)),
        config: { unit: 'percentunit', displayName: 'Δ error', decimals: 1 },
      },
      {
        name: 'delta_latency',
        type: FieldType.number,
        values: col(({ s }) => delta(s?.latencyP95)),
        config: { unit: 's', displayName: 'Δ p95 latency' },
      },
      {
        name: 'delta_traffic',
        type: FieldType.number,
        values: col(({ s }) => relative(s?.traffic)),
        config: { unit: 'percentunit', displayName: 'Δ traffic', decimals: 0 },
      },
      {
        name: 'impact',
        type: FieldType.string,
        values: col(({ s }) => s?.impact ?? 'unknown'),
        config: { mappings: [IMPACT_COLOURS], custom: { cellOptions: { type: 'color-text' } } },
      },
      {
        name: 'why',
        type: FieldType.string,
        values: col(({ r, s }) => (s ? s.reasons.join('; ') : r.notes.join('; '))),
      },
      { name: 'reach', type: FieldType.string, values: col(({ r }) => reachText(r)) },
      { name: 'notes', type: FieldType.string, values: col(({ r }) => r.notes.join('; ')) },
    ],
  });
}
