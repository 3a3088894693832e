import { text } from '../json';

/**
 * The Backstage entity envelope, as far as Faultline reads it. catalog-info.yaml files hold the
 * same shape (without `relations`, which the catalog computes), so both connectors share it.
 * Source: backstage/backstage packages/catalog-model/src/entity/Entity.ts and EntityMeta.
 */
export interface EntityLink {
  url?: unknown;
  title?: unknown;
  icon?: unknown;
  type?: unknown;
}

export interface EntityRelation {
  type?: unknown;
  targetRef?: unknown;
}

export interface Entity {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: {
    name?: unknown;
    namespace?: unknown;
    title?: unknown;
    description?: unknown;
    labels?: Record<string, unknown>;
    annotations?: Record<string, unknown>;
    tags?: unknown;
    links?: unknown;
  };
  spec?: Record<string, unknown>;
  relations?: unknown;
}

export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses `[kind:][namespace/]name` the way catalog-model's parseEntityRef does; kinds compare
 * case-insensitively, so they are lower-cased. Returns undefined for anything that is not a ref.
 */
export function parseRef(raw: unknown, defaultKind: string, defaultNamespace = 'default'): EntityRef | undefined {
  const s = str(raw);
  if (s === undefined) {
    return undefined;
  }
  // Read by hand, not by a regular expression: an owner and a system ref per entity, 5,000 entities.
  const colon = s.indexOf(':');
  const slash = s.indexOf('/');
  const nameStart = slash + 1 || colon + 1;
  if (
    colon === 0 ||
    (colon > 0 && s.indexOf(':', colon + 1) !== -1) ||
    (slash !== -1 && (s.indexOf('/', slash + 1) !== -1 || slash < colon || slash === colon + 1)) ||
    nameStart === s.length
  ) {
    return undefined;
  }
  return {
    kind: colon > 0 ? s.slice(0, colon).toLowerCase() : defaultKind.toLowerCase(),
    namespace: slash !== -1 ? s.slice(colon + 1, slash) : defaultNamespace,
    name: s.slice(nameStart),
  };
}

export function stringifyRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}

/** Catalog text: a string, trimmed and not blank (numbers in catalog files are not names). */
export const str = text;

/** The entity's own ref, or undefined when it has no usable kind and name. */
export function entityRef(e: Entity): EntityRef | undefined {
  const kind = str(e.kind);
  const name = str(e.metadata?.name);
  if (!kind || !name) {
    return undefined;
  }
  return { kind: kind.toLowerCase(), namespace: str(e.metadata?.namespace) ?? 'default', name };
}

/** The first target of the entity's relations of one type (`ownedBy`, `partOf`, `memberOf`), with the prefix if given. */
export function relationTarget(e: Entity, type: string, prefix = ''): string | undefined {
  if (!Array.isArray(e.relations)) {
    return undefined;
  }
  for (const r of e.relations as EntityRelation[]) {
    if (r && r.type === type && typeof r.targetRef === 'string' && r.targetRef.startsWith(prefix)) {
      return r.targetRef;
    }
  }
  return undefined;
}
