import { InputError, Ownership } from '../../../model';
import { QueryContext } from '../context';
import { FaultlineOptions } from '../../types';
import { catalogBackend } from './backends';
import { cached } from './cache';
import { CatalogLoadContext } from './context';

/** Catalog data changes slowly: five minutes unless the data source says otherwise. */
export const DEFAULT_TTL_SECONDS = 300;

/** For queries that mean nothing without a catalog: a clear error instead of an empty answer. */
export function requireCatalog(settings: FaultlineOptions, where: string): void {
  if (!settings.catalogSource || settings.catalogSource === 'none') {
    throw new InputError(
      'no service catalog is configured; pick Backstage, catalog files or OpsLevel in the data source settings',
      where
    );
  }
}

/**
 * Every service of the configured catalog, normalized and cached for the configured TTL.
 * Used by the catalog queries and by every join (flow owners, scorecards, app pages).
 */
export async function loadServices(ctx: QueryContext | CatalogLoadContext): Promise<Ownership[]> {
  const source = ctx.settings.catalogSource;
  if (!source || source === 'none') {
    return [];
  }
  const backend = catalogBackend(source);
  if (!backend) {
    throw new InputError(
      `unknown catalog source "${String(source)}"; pick Backstage, catalog files or OpsLevel in the data source settings`,
      'Service catalog'
    );
  }
  const s = ctx.settings;
  // Settings are part of the key: editing the URL or the annotation keys must not serve stale data.
  const key = `catalog:${JSON.stringify([source, s.backstageUrl, s.catalogFilesUrl, s.catalogFiles, s.opslevelUrl, s.annotationKeys])}`;
  const ttlMs = (s.cacheTtlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
  // A shared (cached) load must not be cancelled by the first panel's signal: others wait on it.
  const signal = ctx.cache && ttlMs > 0 ? undefined : ctx.signal;
  return cached(ctx.cache, key, ttlMs, () => backend.load({ settings: s, transport: ctx.transport, signal }));
}
