/**
 * Grafana's runRequest, reduced to what it means for a panel: call the data source, turn whatever
 * it returns into DataFrames, split annotation frames from series, and turn failures into errors
 * on the panel instead of exceptions.
 */
import { from, isObservable, Observable, of } from 'rxjs';
import { catchError, map, startWith } from 'rxjs/operators';
import {
  DataFrame,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataTopic,
  isDataFrame,
  LoadingState,
  PanelData,
  toDataFrame,
} from '@grafana/data';
import { toDataQueryError } from '@grafana/runtime';

/** Query errors by data source, for people and tests looking at why a panel is empty. */
export const queryErrors: Array<{ datasource: string; refId?: string; message?: string }> = [];

function record(ds: DataSourceApi, errors: Array<{ refId?: string; message?: string }> | undefined) {
  for (const e of errors ?? []) {
    queryErrors.push({ datasource: ds.uid, refId: e.refId, message: e.message });
  }
}

export function runRequest(ds: DataSourceApi, request: DataQueryRequest): Observable<PanelData> {
  const base = { timeRange: request.range, request };
  let result: ReturnType<DataSourceApi['query']>;
  try {
    result = ds.query(request);
  } catch (e) {
    return of({ ...base, state: LoadingState.Error, series: [], error: toDataQueryError(e as Error), errors: [toDataQueryError(e as Error)] });
  }
  const stream: Observable<DataQueryResponse> = isObservable(result) ? result : from(result as Promise<DataQueryResponse>);
  return stream.pipe(
    map((response): PanelData => {
      const frames: DataFrame[] = (response.data ?? []).map((d: unknown) => (isDataFrame(d) ? d : toDataFrame(d)));
      const errors = response.errors ?? (response.error ? [response.error] : undefined);
      record(ds, errors);
      return {
        ...base,
        state: errors?.length && frames.length === 0 ? LoadingState.Error : (response.state ?? LoadingState.Done),
        series: frames.filter((f) => f.meta?.dataTopic !== DataTopic.Annotations),
        annotations: frames.filter((f) => f.meta?.dataTopic === DataTopic.Annotations),
        errors,
        error: errors?.[0],
      };
    }),
    catchError((e) => {
      const error = toDataQueryError(e);
      record(ds, [error]);
      return of({ ...base, state: LoadingState.Error, series: [], error, errors: [error] });
    }),
    startWith({ ...base, state: LoadingState.Loading, series: [] } as PanelData)
  );
}
