import { createDataFrame, DataFrame, FieldType, MappingType, ValueMapping } from '@grafana/data';
import { ChaosRun } from '../../../model/chaos';
import { FRAME_NAMES } from '../../../model/frames';
import { safeUrl } from '../../../model/safeUrl';
import { drawnEnd, Outcome, OUTCOME_COLOR, OUTCOME_STATE, outcomeOf, verdictText } from '../../../model/outcome';
import { sourceName } from './backends';
import { TraceLink, traceLinks, TracingSource } from './traceLink';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : s);

/**
 * One row per run in the shape Grafana turns into one region each (time, timeEnd, title, text,
 * tags, id), plus `color` and `newState` so regions are coloured by outcome. A pending run has not
 * begun: it gets no region until it starts.
 */
/** `reach` holds, per `source:id`, the measured reach of runs whose impact was computed. */
export function annotationFrame(
  all: ChaosRun[],
  rangeTo: number,
  now: number,
  tracing?: TracingSource,
  reach?: Map<string, string>
): DataFrame {
  const runs = all.filter((r) => r.status !== 'pending');
  const outcomes = runs.map(outcomeOf);
  return createDataFrame({
    name: FRAME_NAMES.annotations,
    fields: [
      { name: 'time', type: FieldType.time, values: runs.map((r) => r.start) },
      { name: 'timeEnd', type: FieldType.time, values: runs.map((r) => drawnEnd(r, rangeTo, now)) },
      { name: 'isRegion', type: FieldType.boolean, values: runs.map(() => true) },
      // Grafana's tooltip renders the title as HTML too, through a sanitizer that keeps <img src>.
      { name: 'title', type: FieldType.string, values: runs.map((r, i) => escapeHtml(`${r.name} · ${outcomes[i]}`)) },
      {
        name: 'text',
        type: FieldType.string,
        values: runs.map((r, i) =>
          annotationText(r, outcomes[i], traceLinks(r, tracing, now), reach?.get(`${r.source}:${r.id}`))
        ),
      },
      // A comma-separated string: Grafana splits the tags field on commas (older versions split only strings).
      {
        name: 'tags',
        type: FieldType.string,
        values: runs.map((r) =>
          tagsOf(r)
            .map((t) => t.replace(/,/g, ' '))
            .join(',')
        ),
      },
      { name: 'id', type: FieldType.string, values: runs.map((r) => `${r.source}:${r.id}`) },
      { name: 'color', type: FieldType.string, values: outcomes.map((o) => OUTCOME_COLOR[o]) },
      { name: 'newState', type: FieldType.string, values: outcomes.map((o) => OUTCOME_STATE[o]) },
    ],
  });
}

/** The tooltip body: name, kind, targets, status and verdict, source, a link to the run and to its traces. */
export function annotationText(
  r: ChaosRun,
  outcome: Outcome = outcomeOf(r),
  traces: TraceLink[] = [],
  reach?: string
): string {
  // Grafana renders this as HTML: the link is checked here as well as in each connector.
  const href = safeUrl(r.url);
  const lines = [
    `<b>${escapeHtml(r.name)}</b>`,
    escapeHtml(`${r.kind}${r.namespace ? ` in ${r.namespace}` : ''}`),
    r.targets.length ? escapeHtml(`targets: ${r.targets.join(', ')}`) : '',
    escapeHtml(`status: ${r.status}${outcome === 'deviated' || r.verdict ? ` · verdict: ${verdictText(r)}` : ''}`),
    ...pauses(r).map((t) => escapeHtml(`paused at ${new Date(t).toISOString()}`)),
    ...(r.remarks ?? []).map(escapeHtml),
    reach ? escapeHtml(reach) : '',
    escapeHtml(`source: ${sourceName(r)}`),
    href
      ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">Open run in ${escapeHtml(sourceName(r))}</a>`
      : '',
    ...traces.map((t) => `<a href="${escapeHtml(t.url)}">${escapeHtml(t.title)} in Explore</a>`),
  ];
  return lines.filter(Boolean).join('<br/>');
}

const pauses = (r: ChaosRun) => r.events.filter((e) => e.reason === 'Paused').map((e) => e.time);

export function tagsOf(r: ChaosRun): string[] {
  return [
    `kind:${r.kind}`,
    ...(r.namespace ? [`namespace:${r.namespace}`] : []),
    `source:${r.source}`,
    ...Object.entries(r.labels).map(([k, v]) => `${k}:${v}`),
  ];
}

const STATUS_MAPPINGS: ValueMapping[] = [
  {
    type: MappingType.ValueToText,
    options: Object.fromEntries(Object.entries(OUTCOME_COLOR).map(([k, color], index) => [k, { color, index }])),
  },
];

/** The `experiments` table: one row per run, the run name links to the run. */
export function experimentsFrame(runs: ChaosRun[], rangeTo: number, now: number, tracing?: TracingSource): DataFrame {
  // Jaeger links one target at a time: the table links the first, the region's tooltip all of them.
  const traces = runs.map((r) => traceLinks(r, tracing, now)[0]?.url ?? '');
  return createDataFrame({
    name: FRAME_NAMES.experiments,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      {
        name: 'run',
        type: FieldType.string,
        values: runs.map((r) => r.name),
        config: { links: [{ title: 'Open run in its backend', url: '${__data.fields.link}', targetBlank: true }] },
      },
      {
        name: 'status',
        type: FieldType.string,
        values: runs.map(outcomeOf),
        config: { mappings: STATUS_MAPPINGS, custom: { cellOptions: { type: 'color-text' } } },
      },
      { name: 'verdict', type: FieldType.string, values: runs.map(verdictText) },
      { name: 'start', type: FieldType.time, values: runs.map((r) => r.start) },
      // A pending run has no duration yet: null, not a time that grows with the clock.
      {
        name: 'duration',
        type: FieldType.number,
        values: runs.map((r) => (r.status === 'pending' ? null : drawnEnd(r, Math.max(rangeTo, now), now) - r.start)),
        config: { unit: 'ms' },
      },
      {
        name: 'targets',
        type: FieldType.string,
        values: runs.map((r) => r.targets.join(', ')),
        config: tracing
          ? { links: [{ title: 'Traces of the targets during the run', url: '${__data.fields.traces}' }] }
          : {},
      },
      { name: 'kind', type: FieldType.string, values: runs.map((r) => r.kind) },
      { name: 'namespace', type: FieldType.string, values: runs.map((r) => r.namespace ?? '') },
      { name: 'source', type: FieldType.string, values: runs.map(sourceName) },
      { name: 'link', type: FieldType.string, values: runs.map((r) => safeUrl(r.url) ?? '') },
      ...(tracing
        ? [{ name: 'traces', type: FieldType.string, values: traces, config: { custom: { hidden: true } } }]
        : []),
      { name: 'id', type: FieldType.string, values: runs.map((r) => r.id), config: { custom: { hidden: true } } },
    ],
  });
}
