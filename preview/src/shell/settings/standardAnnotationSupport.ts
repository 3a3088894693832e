/**
 * Grafana's default annotation processing, which a data source's own AnnotationSupport overrides
 * key by key (public/app/features/annotations/standardAnnotationSupport.ts): an old `query` string
 * moves into `target`, the query is the target, and frames become events by field name.
 */
import { Observable, of } from 'rxjs';
import { map } from 'rxjs/operators';
import {
  AnnotationEvent,
  AnnotationEventFieldSource,
  AnnotationEventMappings,
  AnnotationQuery,
  AnnotationSupport,
  DataFrame,
  Field,
  FieldType,
  getFieldDisplayName,
  transformDataFrame,
} from '@grafana/data';

type EventKey = keyof AnnotationEvent;

interface EventField {
  key: EventKey;
  /** Used when no field has the key's name. */
  fallback?: (frame: DataFrame) => Field | undefined;
  split?: boolean;
}

// The keys Grafana reads from a frame, in its order; color/isRegion/source only on public dashboards.
const EVENT_FIELDS: EventField[] = [
  { key: 'time', fallback: (f) => f.fields.find((x) => x.type === FieldType.time) },
  { key: 'timeEnd' },
  { key: 'title' },
  { key: 'text', fallback: (f) => f.fields.find((x) => x.type === FieldType.string) },
  { key: 'tags', split: true },
  { key: 'id' },
  ...(
    [
      'userId',
      'login',
      'email',
      'prevState',
      'newState',
      'data',
      'panelId',
      'alertId',
      'dashboardId',
      'dashboardUID',
    ] as EventKey[]
  ).map((key) => ({ key })),
];

function singleFrame(data: DataFrame[]): Observable<DataFrame | undefined> {
  if (data.length <= 1) {
    return of(data[0]);
  }
  return transformDataFrame([{ id: 'merge', options: {} }], data).pipe(map((frames) => frames[0]));
}

type Setter = { key: EventKey; split?: boolean; field?: Field; text?: string };

function settersFor(frame: DataFrame, mappings: AnnotationEventMappings): Setter[] {
  const byName = new Map(frame.fields.map((f) => [getFieldDisplayName(f, frame).toLowerCase(), f]));
  return EVENT_FIELDS.flatMap(({ key, fallback, split }): Setter[] => {
    const mapping = mappings[key] ?? {};
    if (mapping.source === AnnotationEventFieldSource.Skip) {
      return [];
    }
    if (mapping.source === AnnotationEventFieldSource.Text) {
      return mapping.value ? [{ key, split, text: mapping.value }] : [];
    }
    const field = byName.get((mapping.value || key).toLowerCase()) ?? fallback?.(frame);
    return field ? [{ key, split, field }] : [];
  });
}

/** Frames to events the way Grafana does: no time or no text field means no events. */
export function getAnnotationsFromData(
  data: DataFrame[],
  mappings: AnnotationEventMappings = {}
): Observable<AnnotationEvent[]> {
  return singleFrame(data).pipe(
    map((frame) => {
      if (!frame?.length) {
        return [];
      }
      const setters = settersFor(frame, mappings);
      if (!setters.some((s) => s.key === 'time') || !setters.some((s) => s.key === 'text')) {
        return [];
      }
      return Array.from({ length: frame.length }, (_, i) => {
        const event: Record<string, unknown> = { type: 'default', color: 'red' };
        for (const s of setters) {
          const v = s.text ?? s.field?.values[i];
          if (v !== null && v !== undefined) {
            event[s.key] = s.split && typeof v === 'string' ? v.split(',') : v;
          }
        }
        return event as AnnotationEvent;
      });
    })
  );
}

export const standardAnnotationSupport: AnnotationSupport = {
  prepareAnnotation: (json: AnnotationQuery & { query?: unknown }) => {
    if (typeof json?.query === 'string') {
      const { query, ...rest } = json;
      return { ...rest, target: { refId: 'annotation_query', query }, mappings: {} } as AnnotationQuery;
    }
    return json;
  },
  prepareQuery: (anno: AnnotationQuery) => anno.target,
  processEvents: (anno: AnnotationQuery, data: DataFrame[]) => getAnnotationsFromData(data, anno.mappings),
};

/** Grafana runs the query but skips the mapping UI for these (the same file). */
const LEGACY_RUNNER = ['prometheus', 'loki', 'elasticsearch', 'grafana-opensearch-datasource'];

export const shouldUseLegacyRunner = (ds: { type: string; annotations?: unknown }) =>
  !ds.annotations || LEGACY_RUNNER.includes(ds.type);
export const shouldUseMappingUI = (ds: { type: string }) =>
  ds.type !== 'datasource' && !LEGACY_RUNNER.includes(ds.type);
