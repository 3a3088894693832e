import { InputError, Ownership } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { annotationKeys } from '../annotationKeys';
import { CatalogLoadContext, clientOptionsFor } from '../context';
import { indexPeople, mapComponents } from '../mapper';
import { readCatalogFiles } from './client';
import { CATALOG_FILES } from './parse';

/** catalog-info.yaml files from a git host or web server: the same entities Backstage would ingest. */
export async function loadCatalogFiles(ctx: CatalogLoadContext): Promise<Ownership[]> {
  const { catalogFilesUrl, catalogFiles } = ctx.settings;
  const files = (catalogFiles ?? []).map((f) => f.trim()).filter(Boolean);
  if (!catalogFilesUrl || files.length === 0) {
    throw new InputError(
      'set the catalog files URL and at least one file (e.g. catalog-info.yaml) in the data source settings',
      CATALOG_FILES
    );
  }
  const client = new HttpClient(clientOptionsFor(ctx, CATALOG_FILES));
  const entities = await readCatalogFiles(client, catalogFilesUrl, files, ctx.signal);
  return mapComponents(entities, indexPeople(entities), {
    keys: annotationKeys(ctx.settings.annotationKeys),
    source: 'catalog-files',
  });
}
