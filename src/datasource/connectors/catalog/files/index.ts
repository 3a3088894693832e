import { InputError, Ownership } from '../../../../model';
import { HttpClient } from '../../../http/client';
import { annotationKeys } from '../annotationKeys';
import { CatalogLoadContext, clientOptionsFor } from '../context';
import { indexPeople, mapComponents } from '../mapper';
import { CatalogBackend, loadProbe } from '../backend';
import { readCatalogFiles, ROUTE } from './client';
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

export const catalogFilesBackend: CatalogBackend = {
  source: 'catalog-files',
  name: 'catalog-info.yaml files',
  where: CATALOG_FILES,
  route: ROUTE,
  settings: [
    {
      kind: 'text',
      key: 'catalogFilesUrl',
      label: 'Base URL',
      description: "Where the catalog-info.yaml files are served (a git host's raw URL)",
    },
    {
      kind: 'list',
      key: 'catalogFiles',
      label: 'Files',
      description: 'Paths below the base URL, comma-separated; Location entities are followed',
    },
  ],
  annotationKeys: true,
  load: (ctx) => loadCatalogFiles(ctx),
  probe: loadProbe({ where: CATALOG_FILES, load: (ctx) => loadCatalogFiles(ctx) }),
};
