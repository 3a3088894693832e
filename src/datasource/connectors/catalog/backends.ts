import { CatalogSource } from '../../types';
import { CatalogBackend } from './backend';
import { backstageBackend } from './backstage';
import { catalogFilesBackend } from './files';
import { opsLevelBackend } from './opslevel';

/**
 * Every service catalog, by source. The settings page, the loader and the health check are built
 * from this table: a catalog is its folder plus one line here.
 */
export const CATALOG_BACKENDS: Record<Exclude<CatalogSource, 'none'>, CatalogBackend> = {
  backstage: backstageBackend,
  'catalog-files': catalogFilesBackend,
  opslevel: opsLevelBackend,
};

/** The configured catalog, if any; undefined for "none" and for a source no backend answers to. */
export function catalogBackend(source: CatalogSource | undefined): CatalogBackend | undefined {
  if (!source || source === 'none') {
    return undefined;
  }
  const registry: Record<string, CatalogBackend | undefined> = CATALOG_BACKENDS;
  return Object.prototype.hasOwnProperty.call(registry, source) ? registry[source] : undefined;
}
