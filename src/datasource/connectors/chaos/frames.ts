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
  const n = runs.length;
  const [time, timeEnd, isRegion, title, text, tags, id, color, newState] = Array.from(
    { length: 9 },
    () => new Array(n)
  );
  // One pass over the runs for every column: there can be thousands of them on each refresh.
  for (let i = 0; i < n; i++) {
    const r = runs[i];
    const outcome = outcomeOf(r);
    const key = `${r.source}:${r.id}`;
    time[i] = r.start;
    timeEnd[i] = drawnEnd(r, rangeTo, now);
    isRegion[i] = true;
    // Grafana's tooltip renders the title as HTML too, through a sanitizer that keeps <img src>.
    title[i] = escapeHtml(`${r.name} · ${outcome}`);
    text[i] = annotationText(r, outcome, traceLinks(r, tracing, now), reach?.get(key));
    // A comma-separated string: Grafana splits the tags field on commas (older versions split only strings).
    tags[i] = tagsText(r);
    id[i] = key;
    color[i] = OUTCOME_COLOR[outcome];
    newState[i] = OUTCOME_STATE[outcome];
  }
  return createDataFrame({
    name: FRAME_NAMES.annotations,
    fields: [
      { name: 'time', type: FieldType.time, values: time },
      { name: 'timeEnd', type: FieldType.time, values: timeEnd },
      { name: 'isRegion', type: FieldType.boolean, values: isRegion },
      { name: 'title', type: FieldType.string, values: title },
      { name: 'text', type: FieldType.string, values: text },
      { name: 'tags', type: FieldType.string, values: tags },
      { name: 'id', type: FieldType.string, values: id },
      { name: 'color', type: FieldType.string, values: color },
      { name: 'newState', type: FieldType.string, values: newState },
    ],
  });
}

/** The tags as one string, each tag's own commas made spaces. */
function tagsText(r: ChaosRun): string {
  let out = '';
  for (const t of tagsOf(r)) {
    out += (out ? ',' : '') + (t.includes(',') ? t.replace(/,/g, ' ') : t);
  }
  return out;
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
  const source = escapeHtml(sourceName(r));
  let out = `<b>${escapeHtml(r.name)}</b>`;
  const line = (s: string) => {
    out += s ? `<br/>${s}` : '';
  };
  line(escapeHtml(`${r.kind}${r.namespace ? ` in ${r.namespace}` : ''}`));
  line(r.targets.length ? escapeHtml(`targets: ${r.targets.join(', ')}`) : '');
  line(escapeHtml(`status: ${r.status}${outcome === 'deviated' || r.verdict ? ` · verdict: ${verdictText(r)}` : ''}`));
  for (const e of r.events) {
    if (e.reason === 'Paused') {
      line(`paused at ${new Date(e.time).toISOString()}`);
    }
  }
  r.remarks?.forEach((remark) => line(escapeHtml(remark)));
  line(reach ? escapeHtml(reach) : '');
  line(`source: ${source}`);
  line(href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">Open run in ${source}</a>` : '');
  traces.forEach((t) => line(`<a href="${escapeHtml(t.url)}">${escapeHtml(t.title)} in Explore</a>`));
  return out;
}

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
