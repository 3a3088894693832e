import { useCallback, useEffect, useState } from 'react';
import { getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../../constants';
import type { PageSettings } from '../../components/AppConfig/settings';
import {
  DashboardGone,
  readDashboard,
  saveDashboard,
  searchDashboards,
  type DashboardWithMeta,
  type SearchHit,
} from './dashboardApi';
import { addOverlay, inspect, removeOverlay, type Inspection, type Overlay } from './overlays';

export type Action = 'add' | 'remove';

export interface Outcome {
  kind: 'done' | 'unchanged' | 'error' | 'conflict';
  text: string;
  retry?: { overlay: Overlay; action: Action };
}

export interface Row {
  hit: SearchHit;
  read?: DashboardWithMeta;
  inspection?: Inspection;
  /** Why this dashboard cannot be changed here, when it cannot. */
  locked?: string;
  gone?: boolean;
  outcome?: Outcome;
}

/** Why Grafana would refuse to save it (canEdit/canSave in the meta; provisioned dashboards are refused, 400). */
function lockOf(read: DashboardWithMeta): string | undefined {
  if (!read.meta.canEdit || read.meta.canSave === false) {
    return 'you may view this dashboard but not edit it';
  }
  if (read.meta.provisioned) {
    return 'provisioned from a file: change the file instead';
  }
  return undefined;
}

const faultlineNames = () =>
  new Set(
    getDataSourceSrv()
      .getList({ pluginId: DATASOURCE_TYPE })
      .map((ds) => ds.name)
  );

async function readRow(hit: SearchHit): Promise<Row> {
  try {
    const read = await readDashboard(hit.uid);
    return { hit, read, inspection: inspect(read.dashboard, faultlineNames()), locked: lockOf(read) };
  } catch (e) {
    if (e instanceof DashboardGone) {
      return { hit, gone: true, locked: 'deleted since the list was read' };
    }
    return { hit, locked: `could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Every dashboard the user may see, each read with its version and the user's rights. */
async function listRows(): Promise<Row[]> {
  const hits = await searchDashboards();
  const out: Row[] = [];
  // A few at a time: an organisation may have many dashboards.
  for (let i = 0; i < hits.length; i += 5) {
    out.push(...(await Promise.all(hits.slice(i, i + 5).map(readRow))));
  }
  return out;
}

const NAMES: Record<Overlay, string> = { chaos: 'chaos annotation', ownership: 'ownership panel' };

/**
 * The dashboards and what the page did to each. A change is made to the dashboard as the page
 * read it and saved with that version: when someone saved in between, Grafana refuses (412), the
 * row says so and offers to read it again and retry.
 */
export function useOverlayRows(settings: PageSettings) {
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<string>();

  const setRow = (uid: string, row: Row) => setRows((rs) => rs?.map((r) => (r.hit.uid === uid ? row : r)));

  useEffect(() => {
    let cancelled = false;
    listRows()
      .then((rs) => !cancelled && setRows(rs))
      .catch((e) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, []);

  const apply = useCallback(
    async (row: Row, overlay: Overlay, action: Action, service: string, reread = false): Promise<void> => {
      const current = reread ? await readRow(row.hit) : row;
      if (!current.read || current.locked) {
        setRow(row.hit.uid, { ...current, outcome: { kind: 'error', text: current.locked ?? 'not read' } });
        return;
      }
      const { dashboard } = current.read;
      const change =
        action === 'add'
          ? addOverlay(dashboard, overlay, settings, service, faultlineNames())
          : removeOverlay(dashboard, overlay);
      if ('error' in change) {
        setRow(row.hit.uid, { ...current, outcome: { kind: 'error', text: change.error } });
        return;
      }
      if (!change.changed) {
        const text =
          action === 'add'
            ? `the ${NAMES[overlay]} is already there`
            : `no ${NAMES[overlay]} added by this page to remove`;
        setRow(row.hit.uid, { ...current, outcome: { kind: 'unchanged', text } });
        return;
      }
      const result = await saveDashboard(change.dashboard, `Faultline overlay manager: ${action} ${NAMES[overlay]}`);
      if (result.kind === 'conflict') {
        const text = 'changed by someone else since this page read it: nothing was saved';
        setRow(row.hit.uid, { ...current, outcome: { kind: 'conflict', text, retry: { overlay, action } } });
        return;
      }
      if (result.kind === 'deleted') {
        setRow(row.hit.uid, {
          ...current,
          read: undefined,
          gone: true,
          locked: 'deleted since the list was read',
          outcome: { kind: 'error', text: 'the dashboard was deleted' },
        });
        return;
      }
      if (result.kind === 'refused') {
        setRow(row.hit.uid, {
          ...current,
          outcome: { kind: 'error', text: `Grafana refused to save it: ${result.message}` },
        });
        return;
      }
      const fresh = await readRow(row.hit);
      setRow(row.hit.uid, {
        ...fresh,
        outcome: {
          kind: 'done',
          text: `${action === 'add' ? 'added' : 'removed'} the ${NAMES[overlay]} (version ${result.version})`,
        },
      });
    },
    [settings]
  );

  return { rows, error, apply };
}
