/**
 * Grafana's search and dashboard HTTP API as the overlay manager uses it (pkg/api/search.go,
 * pkg/api/dashboard.go): list the dashboards, read one with its version and the user's rights,
 * save it with that version and without overwrite, so a concurrent edit is refused (412) and
 * never lost.
 */
import { lastValueFrom } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';
import type { DashboardJson } from './overlays';

export interface SearchHit {
  uid: string;
  title: string;
  url: string;
  type: string;
  tags: string[];
  folderTitle?: string;
}

export interface DashboardMeta {
  canEdit?: boolean;
  canSave?: boolean;
  provisioned?: boolean;
  version?: number;
}

export interface DashboardWithMeta {
  dashboard: DashboardJson;
  meta: DashboardMeta;
}

export type SaveResult =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict' }
  | { kind: 'deleted' }
  | { kind: 'refused'; message: string };

export class DashboardGone extends Error {}

function messageOf(e: unknown): string {
  if (isFetchError(e)) {
    const data = e.data as { message?: string } | undefined;
    return data?.message || `${e.status} ${e.statusText}`;
  }
  return e instanceof Error ? e.message : String(e);
}

async function request<T>(method: string, url: string, data?: unknown): Promise<T> {
  const res = await lastValueFrom(
    getBackendSrv().fetch<T>({ method, url, data, showErrorAlert: false, showSuccessAlert: false })
  );
  return res.data;
}

/** Every dashboard the user may see (search returns folders too unless asked for dashboards only). */
export function searchDashboards(): Promise<SearchHit[]> {
  return request<SearchHit[]>('GET', '/api/search?type=dash-db&limit=5000');
}

export async function readDashboard(uid: string): Promise<DashboardWithMeta> {
  try {
    return await request<DashboardWithMeta>('GET', `/api/dashboards/uid/${encodeURIComponent(uid)}`);
  } catch (e) {
    if (isFetchError(e) && e.status === 404) {
      throw new DashboardGone(`dashboard ${uid} no longer exists`);
    }
    throw new Error(messageOf(e));
  }
}

/** Saves `dashboard` over the version it was read at; Grafana answers 412 when someone saved since. */
export async function saveDashboard(dashboard: DashboardJson, message: string): Promise<SaveResult> {
  try {
    const res = await request<{ version: number }>('POST', '/api/dashboards/db', {
      dashboard,
      overwrite: false,
      message,
    });
    return { kind: 'saved', version: res.version };
  } catch (e) {
    if (isFetchError(e) && e.status === 412 && (e.data as { status?: string })?.status === 'version-mismatch') {
      return { kind: 'conflict' };
    }
    if (isFetchError(e) && e.status === 404) {
      return { kind: 'deleted' };
    }
    return { kind: 'refused', message: messageOf(e) };
  }
}
