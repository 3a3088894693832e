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
  if (typeof raw !== 'string' || raw.trim() === '') {
    return undefined;
  }
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(raw.trim());
  if (!m) {
    return undefined;
  }
  return { kind: (m[1] ?? defaultKind).toLowerCase(), namespace: m[2] ?? defaultNamespace, name: m[3] };
}

export function stringifyRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}

export function str(v: unknown): string | undefined {
  if (typeof v !== 'string') {
    return undefined;
  }
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** The entity's own ref, or undefined when it has no usable kind and name. */
export function entityRef(e: Entity): EntityRef | undefined {
  const kind = str(e.kind);
  const name = str(e.metadata?.name);
  if (!kind || !name) {
    return undefined;
  }
  return { kind: kind.toLowerCase(), namespace: str(e.metadata?.namespace) ?? 'default', name };
}

/** Targets of the entity's relations of one type (`ownedBy`, `partOf`, `memberOf`). */
export function relationTargets(e: Entity, type: string): string[] {
  if (!Array.isArray(e.relations)) {
    return [];
  }
  return (e.relations as EntityRelation[])
    .filter((r) => r && r.type === type && typeof r.targetRef === 'string')
    .map((r) => r.targetRef as string);
}
