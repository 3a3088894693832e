import { type RefObject, useEffect, useState } from 'react';

/**
 * The height an element gets from the flex layout: the toolbar wraps and notices come and go, so
 * the map's height is measured, not guessed.
 */
export function useHeight(target: RefObject<HTMLElement>, fallback: number): number {
  const [h, setH] = useState(0);
  useEffect(() => {
    const el = target.current;
    if (!el || typeof ResizeObserver === 'undefined') {
      return;
    }
    const ro = new ResizeObserver(() => setH(Math.floor(el.clientHeight)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [target]);
  return h > 0 ? h : fallback;
}
