import { parseAllDocuments } from 'yaml';
import { BadResponseError } from '../../../../model';
import { Entity } from '../entity';

export const CATALOG_FILES = 'Catalog files';
/** Backstage's own UrlReader refuses far smaller files; 10 MB is generous for hand-written YAML. */
export const MAX_FILE_CHARS = 10 * 1024 * 1024;
/** Alias expansions allowed per document: real catalog files use a handful, a "billion laughs" bomb needs millions. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses a multi-document catalog file into entities. Size and alias expansion are bounded, so a
 * hostile file is a readable error instead of a frozen browser tab.
 */
export function parseCatalogFile(text: string, file: string): Entity[] {
  if (text.length > MAX_FILE_CHARS) {
    throw new BadResponseError(
      `${file} is ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_FILE_CHARS / 1024 / 1024} MB limit; split it into files listed by a Location`,
      CATALOG_FILES
    );
  }
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: Entity[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      throw new BadResponseError(
        `${file}${line ? ` line ${line}` : ''} is not valid YAML: ${err.message.split('\n')[0]}`,
        CATALOG_FILES
      );
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = String((e as Error).message);
      throw new BadResponseError(
        /alias/i.test(msg)
          ? `${file} expands YAML aliases excessively (a "YAML bomb"); refusing to read it`
          : `${file} cannot be read: ${msg}`,
        CATALOG_FILES
      );
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out.push(value as Entity);
    }
  }
  return out;
}
