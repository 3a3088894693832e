import { BadResponseError } from '../../model/errors';

export interface Page<T> {
  items: T[];
  /** Token for the next page; absent or empty on the last page. */
  next?: string;
}

/**
 * Follows a cursor- or page-token-paged API until it ends, or until `maxItems` items, so a
 * 5,000-entity catalog arrives in pages and a broken backend repeating a cursor cannot loop forever.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  opts: { maxItems: number; maxPages?: number; where: string }
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  const maxPages = opts.maxPages ?? 1000;
  for (let page = 0; page < maxPages; page++) {
    const { items: pageItems, next } = await fetchPage(cursor);
    items.push(...pageItems);
    if (items.length >= opts.maxItems) {
      return { items: items.slice(0, opts.maxItems), truncated: true };
    }
    if (!next) {
      return { items, truncated: false };
    }
    if (seen.has(next)) {
      throw new BadResponseError(`paging repeated the cursor "${next.slice(0, 40)}"`, opts.where);
    }
    seen.add(next);
    cursor = next;
  }
  return { items, truncated: true };
}
