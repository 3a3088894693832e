import { BadResponseError } from '../../model';
import { collectPages } from './paging';

const pages: Record<string, { items: number[]; next?: string }> = {
  start: { items: [1, 2], next: 'c2' },
  c2: { items: [3, 4], next: 'c3' },
  c3: { items: [5] },
};

describe('collectPages', () => {
  it('follows cursors to the last page', async () => {
    const seen: Array<string | undefined> = [];
    const out = await collectPages(async (c) => (seen.push(c), pages[c ?? 'start']), { maxItems: 100, where: 'T' });
    expect(out).toEqual({ items: [1, 2, 3, 4, 5], truncated: false });
    expect(seen).toEqual([undefined, 'c2', 'c3']);
  });

  it('stops at maxItems and says it truncated', async () => {
    const out = await collectPages(async (c) => pages[c ?? 'start'], { maxItems: 3, where: 'T' });
    expect(out).toEqual({ items: [1, 2, 3], truncated: true });
  });

  it('refuses a backend that repeats a cursor instead of looping forever', async () => {
    await expect(collectPages(async () => ({ items: [1], next: 'same' }), { maxItems: 1e6, where: 'T' })).rejects.toThrow(BadResponseError);
  });
});
