interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Memoizes an async load in the data source's cache for `ttlMs`. The promise itself is cached, so
 * ten panels asking at once cause one catalog read; a failed read is forgotten at once so the
 * next refresh retries instead of serving the error for the whole TTL.
 */
export function cached<T>(
  cache: Map<string, unknown> | undefined,
  key: string,
  ttlMs: number,
  load: () => Promise<T>,
  now = Date.now()
): Promise<T> {
  if (!cache || ttlMs <= 0) {
    return load();
  }
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && now - hit.at < ttlMs) {
    return hit.value;
  }
  const value = load();
  cache.set(key, { at: now, value });
  value.catch(() => {
    if ((cache.get(key) as Entry<T> | undefined)?.value === value) {
      cache.delete(key);
    }
  });
  return value;
}
