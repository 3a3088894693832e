/**
 * How Grafana's annotation editor runs its query (public/app/features/annotations/
 * executeAnnotationQuery.ts): the data source's support over the standard one, its default query
 * under the saved annotation, prepareAnnotation and prepareQuery, one request with refId "Anno"
 * through runRequest, then processEvents on the series (or the annotation frames).
 */
import { Observable, of } from 'rxjs';
import { map, mergeMap } from 'rxjs/operators';
import {
  AnnotationEvent,
  AnnotationQuery,
  CoreApp,
  DataQueryRequest,
  DataSourceApi,
  PanelData,
  rangeUtil,
  ScopedVars,
  TimeRange,
} from '@grafana/data';
import { getRunRequest } from '@grafana/runtime';
import { standardAnnotationSupport } from './standardAnnotationSupport';

export interface AnnotationQueryResponse {
  panelData?: PanelData;
  events?: AnnotationEvent[];
}

let requestCounter = 100;

export function executeAnnotationQuery(
  range: TimeRange,
  timezone: string,
  datasource: DataSourceApi,
  saved: AnnotationQuery
): Observable<AnnotationQueryResponse> {
  const processor = { ...standardAnnotationSupport, ...datasource.annotations };
  const annotation = processor.prepareAnnotation!({ ...processor.getDefaultQuery?.(), ...saved });
  if (!annotation) {
    return of({});
  }
  const query = processor.prepareQuery!(annotation);
  if (!query) {
    return of({});
  }
  const maxDataPoints = window.innerWidth || document.documentElement.clientWidth || document.body.clientWidth;
  const interval = rangeUtil.calculateInterval(range, maxDataPoints, datasource.interval);
  const scopedVars: ScopedVars = {
    __interval: { text: interval.interval, value: interval.interval },
    __interval_ms: { text: interval.intervalMs.toString(), value: interval.intervalMs },
    __annotation: { text: annotation.name, value: annotation },
  };
  const request: DataQueryRequest = {
    startTime: Date.now(),
    requestId: `AQ${requestCounter++}`,
    range,
    maxDataPoints,
    scopedVars,
    ...interval,
    app: CoreApp.Dashboard,
    timezone,
    targets: [{ ...query, refId: 'Anno' }],
  };
  return getRunRequest()(datasource, request).pipe(
    mergeMap((panelData) => {
      const data = panelData?.series.length ? panelData.series : panelData.annotations;
      if (!data?.length) {
        return of({ panelData, events: [] });
      }
      return processor.processEvents!(annotation, data).pipe(map((events) => ({ panelData, events })));
    })
  );
}
