import { useCallback, useEffect, useState } from 'react';
import { locationService } from '@grafana/runtime';

/** The query parameter holding a panel's open groups, so a shared link opens the same view. */
export function openParam(panelId?: number): string {
  return panelId ? `flowgraph-open-${panelId}` : 'flowgraph-open';
}

/**
 * Open group ids from the URL: absent means "not chosen yet" (the map opens at the level that
 * fits), an empty value means everything closed. Repeated parameters carry several ids.
 */
export function readOpen(key: string): Set<string> | undefined {
  const v = locationService.getSearchObject()[key];
  if (v === undefined || v === null) {
    return undefined;
  }
  const list = Array.isArray(v) ? v : [v];
  return new Set(
    list
      .filter((x): x is string | number => typeof x === 'string' || typeof x === 'number')
      .map(String)
      .filter(Boolean)
  );
}

function same(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return a === b || (!!a && !!b && a.size === b.size && [...a].every((x) => b.has(x)));
}

/**
 * Open groups kept in the URL through Grafana's locationService. `partial` merges the parameter
 * into the current query and keeps every other one (packages/grafana-runtime/src/services/
 * LocationService.tsx, HistoryWrapper.partial), and a dashboard's scene URL sync only writes its
 * own keys through the same `partial` (@grafana/scenes UrlSyncManager), so the parameter survives
 * time range and variable changes. Each change is a history entry: Back closes what was opened.
 */
export function useOpenGroups(key: string): [Set<string> | undefined, (next: ReadonlySet<string>) => void] {
  const [open, setOpen] = useState(() => readOpen(key));
  useEffect(() => {
    const sub = locationService.getLocationObservable().subscribe(() => {
      const next = readOpen(key);
      setOpen((prev) => (same(prev, next) ? prev : next));
    });
    return () => sub.unsubscribe();
  }, [key]);
  const write = useCallback(
    (next: ReadonlySet<string>) => locationService.partial({ [key]: next.size ? [...next] : '' }),
    [key]
  );
  return [open, write];
}
