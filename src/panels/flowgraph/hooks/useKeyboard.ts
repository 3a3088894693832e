import { type KeyboardEvent, useCallback } from 'react';

export interface KeyActions {
  pan(dx: number, dy: number): void;
  zoom(f: number): void;
  fit(): void;
  search(): void;
  nextMatch(): void;
  focusSelected(): void;
  paths(): void;
  toggleGroup(): void;
  openMenu(): void;
  clear(): void;
}

/** Keys of the map (listed in its aria-description): arrows pan, +/- zoom, f fits, / searches… */
export const KEY_HELP =
  'Arrows pan, + and - zoom, f fits, / searches, n selects the next match, Enter opens its menu, c focuses on it, p lights its callers and callees, o opens a selected group, Escape clears.';

export function useKeyboard(a: KeyActions) {
  return useCallback(
    (e: KeyboardEvent) => {
      const step = e.shiftKey ? 200 : 60;
      const act: Record<string, () => void> = {
        ArrowLeft: () => a.pan(step, 0),
        ArrowRight: () => a.pan(-step, 0),
        ArrowUp: () => a.pan(0, step),
        ArrowDown: () => a.pan(0, -step),
        '+': () => a.zoom(1.25),
        '=': () => a.zoom(1.25),
        '-': () => a.zoom(0.8),
        f: () => a.fit(),
        '/': () => a.search(),
        n: () => a.nextMatch(),
        c: () => a.focusSelected(),
        p: () => a.paths(),
        o: () => a.toggleGroup(),
        Enter: () => a.openMenu(),
        Escape: () => a.clear(),
      };
      const fn = act[e.key];
      if (fn && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        fn();
      }
    },
    [a]
  );
}
