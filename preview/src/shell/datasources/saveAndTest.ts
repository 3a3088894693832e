/**
 * What "Save & test" does on Grafana's data source settings page
 * (public/app/features/datasources/state/actions.ts updateDataSource and testDataSource, api.ts,
 * reducers.ts): PUT the whole settings to /api/datasources/uid/<uid>; on failure show the error and
 * stop; else reload the instance settings (a fresh data source instance), read the saved settings
 * back, then call testDatasource() of the fresh instance and show what it answered.
 */
import { DataSourceSettings } from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, HealthCheckError, isFetchError, TestingStatus } from '@grafana/runtime';

export const TESTING: TestingStatus = {
  status: 'info',
  message: 'Testing... this could take up to a couple of minutes',
};

/** Grafana's parseHealthCheckError: a HealthCheckError keeps its details, an HTTP error its message. */
export function parseHealthCheckError(err: unknown): TestingStatus {
  const wrapped = (err as { error?: unknown } | null)?.error;
  if (wrapped instanceof HealthCheckError) {
    return { status: 'error', message: wrapped.message, details: wrapped.details };
  }
  if (isFetchError<{ message?: string }>(err)) {
    return { status: 'error', message: err.data?.message ?? `HTTP error ${err.statusText}` };
  }
  return { status: 'error', message: err instanceof Error ? err.message : undefined };
}

export const loadDataSource = (uid: string) =>
  getBackendSrv().get<DataSourceSettings>(`/api/datasources/uid/${encodeURIComponent(uid)}`, { accesscontrol: true });

/** Saves; a failed save is an error status and no test. Resolves to the settings as saved. */
export async function saveDataSource(dataSource: DataSourceSettings): Promise<DataSourceSettings> {
  await getBackendSrv().put(`/api/datasources/uid/${encodeURIComponent(dataSource.uid)}`, dataSource, {
    showErrorAlert: false,
    showSuccessAlert: false,
  });
  await getDataSourceSrv().reload();
  return loadDataSource(dataSource.uid);
}

/** testDatasource() of the current instance; its own answer (even "error") is shown as it is. */
export async function testDataSource(uid: string, onStatus: (s: TestingStatus) => void): Promise<void> {
  const ds = await getDataSourceSrv().get(uid);
  if (!ds.testDatasource) {
    return;
  }
  onStatus(TESTING);
  try {
    const result = await ds.testDatasource();
    onStatus({ status: result.status, message: result.message, details: { ...result.details } });
  } catch (err) {
    onStatus(parseHealthCheckError(err));
  }
}
