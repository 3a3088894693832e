import { parseAllDocuments } from 'yaml';
import { BadResponseError } from '../../../../model';
import { looksLikeHtml } from '../../../http/client';
import { Entity } from '../entity';

export const CATALOG_FILES = 'Catalog files';
/** Backstage's own UrlReader refuses far smaller files; 10 MB is generous for hand-written YAML. */
export const MAX_FILE_CHARS = 10 * 1024 * 1024;
/** Alias expansions allowed per document: real catalog files use a handful, a "billion laughs" bomb needs millions. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Nesting past a few thousand levels (10 KB of `- - - …` or `[[[…`) kills the `yaml` package for
 * good: a stack overflow, then "RegExpCompiler Allocation failed" out of memory, which no catch
 * stops. Hand-written catalogs nest a dozen levels; 500 is far from both.
 */
export const MAX_NESTING = 500;

/** Upper bound of the nesting: open flow brackets, and per line indentation plus `- `/`? `/`: ` indicators. */
export function nestingDepth(text: string): number {
  let flow = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      max = Math.max(max, ++flow);
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--;
    }
  }
  const blockPrefix = /^[ \t]*(?:[-?:][ \t]+)*/gm;
  for (let m = blockPrefix.exec(text); m; m = blockPrefix.exec(text)) {
    max = Math.max(max, m[0].length);
    if (m[0].length === 0) {
      blockPrefix.lastIndex++;
    }
  }
  return max;
}

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
  if (looksLikeHtml(text)) {
    throw new BadResponseError(
      `${file} is an HTML page instead of YAML (a login page or a wrong URL?); check the catalog files URL and authentication`,
      CATALOG_FILES
    );
  }
  if (nestingDepth(text) > MAX_NESTING) {
    throw new BadResponseError(`${file} nests deeper than ${MAX_NESTING} levels; refusing to read it`, CATALOG_FILES);
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
