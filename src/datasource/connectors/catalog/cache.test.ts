/** @jest-environment node */
import { cached } from './cache';

describe('cached', () => {
  it('shares one load between callers within the TTL and reloads after it', async () => {
    const cache = new Map<string, unknown>();
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cached(cache, 'k', 1000, load, 0), cached(cache, 'k', 1000, load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cached(cache, 'k', 1000, load, 999)).toBe(1);
    expect(await cached(cache, 'k', 1000, load, 1000)).toBe(2);
  });

  it('forgets a failed load so the next refresh retries', async () => {
    const cache = new Map<string, unknown>();
    await expect(cached(cache, 'k', 60_000, () => Promise.reject(new Error('catalog down')), 0)).rejects.toThrow(
      'catalog down'
    );
    expect(await cached(cache, 'k', 60_000, async () => 'back', 1)).toBe('back');
  });

  it('does not cache with a TTL of 0 or without a cache', async () => {
    let loads = 0;
    const cache = new Map<string, unknown>();
    await cached(cache, 'k', 0, async () => ++loads);
    await cached(cache, 'k', 0, async () => ++loads);
    await cached(undefined, 'k', 1000, async () => ++loads);
    expect(loads).toBe(3);
    expect(cache.size).toBe(0);
  });
});
