import { BadResponseError, InputError } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { Entity, str } from '../entity';
import { CATALOG_FILES, parseCatalogFile } from './parse';

/** Bounds the walk through Location entities, which may point at each other. */
export const MAX_FILES = 200;
/** The data proxy route of plugin.json. */
export const ROUTE = 'catalogfiles';

/**
 * Reads the configured catalog files through the `catalogfiles` route and follows the targets of
 * Location entities (relative to the file that holds them, or absolute below the configured base
 * URL). Each file is read once, so Locations pointing at each other cannot loop.
 */
export async function readCatalogFiles(
  client: HttpClient,
  baseUrl: string,
  files: string[],
  signal?: AbortSignal
): Promise<Entity[]> {
  const queue = files.map((f) => normalizePath(f, '/'));
  const seen = new Set<string>();
  const entities: Entity[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) {
      continue;
    }
    if (seen.size >= MAX_FILES) {
      throw new BadResponseError(
        `more than ${MAX_FILES} files are reachable through Location entities; list fewer`,
        CATALOG_FILES
      );
    }
    seen.add(path);
    const text = await client.getText({ route: ROUTE, path, signal });
    for (const e of parseCatalogFile(text, path)) {
      if (String(e.kind).toLowerCase() === 'location') {
        queue.push(...locationTargets(e, path, baseUrl));
      } else {
        entities.push(e);
      }
    }
  }
  return entities;
}

/** Paths of a Location's `spec.target`/`spec.targets`, resolved against the file that holds it. */
export function locationTargets(e: Entity, from: string, baseUrl: string): string[] {
  const spec = e.spec ?? {};
  const raw = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])]
    .map(str)
    .filter((t): t is string => !!t);
  return raw.map((t) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(t)) {
      const base = baseUrl.replace(/\/$/, '');
      if (!t.startsWith(base + '/')) {
        throw new InputError(
          `Location target ${t} is outside ${base}; only files below the catalog files URL are read`,
          CATALOG_FILES
        );
      }
      return normalizePath(t.slice(base.length), '/');
    }
    if (/[*?]/.test(t)) {
      throw new InputError(`Location target ${t} is a glob; list the files instead`, CATALOG_FILES);
    }
    return normalizePath(t, from);
  });
}

/** Resolves a relative path the way a browser would, and never above the route's root. */
export function normalizePath(path: string, from: string): string {
  const u = new URL(path, `http://catalog.invalid${from.startsWith('/') ? from : `/${from}`}`);
  return u.pathname;
}
