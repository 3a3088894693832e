import { DEFAULT_NAMESPACE, Ownership } from '../../../model';
import { CatalogFilter } from '../../types';

type Interpolate = (value: string | undefined) => string;

/** Values Grafana's "All" and empty selections produce: they mean "no filter". */
const ALL = new Set(['', '*', '$__all', 'all']);

/**
 * One filter value as a set of accepted values. `ctx.interpolate` turns multi-value variables into
 * `a,b`; Grafana's glob format `{a,b}` is accepted too. Undefined means "no filter".
 */
export function filterValues(raw: string | undefined, interpolate: Interpolate): Set<string> | undefined {
  const text = interpolate(raw)
    .trim()
    .replace(/^\{(.*)\}$/, '$1');
  const values = text
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  return values.length === 0 || values.some((v) => ALL.has(v)) ? undefined : new Set(values);
}

const MATCHERS: Record<keyof CatalogFilter, (o: Ownership) => Array<string | undefined>> = {
  service: (o) => [o.service, o.ref, o.title, `${o.namespace ?? DEFAULT_NAMESPACE}/${o.service}`],
  // People pick a team by its slug, its display name or its full ref: accept all three.
  owner: (o) => [o.owner, o.team, o.ownerRef, o.ownerRef?.replace(/^[^:]+:/, '')],
  system: (o) => [o.system],
  tier: (o) => [o.tier],
  lifecycle: (o) => [o.lifecycle],
  namespace: (o) => [o.namespace],
};

/** The names a service answers to in a service filter: name, ref, title and `namespace/name`. */
export function serviceNames(o: Ownership): string[] {
  return MATCHERS.service(o).filter((v): v is string => v !== undefined);
}

export function filterServices(
  services: Ownership[],
  filter: CatalogFilter | undefined,
  interpolate: Interpolate
): Ownership[] {
  const active = (Object.keys(MATCHERS) as Array<keyof CatalogFilter>)
    .map((key) => [key, filterValues(filter?.[key], interpolate)] as const)
    .filter((entry): entry is readonly [keyof CatalogFilter, Set<string>] => entry[1] !== undefined);
  if (active.length === 0) {
    return services;
  }
  const kept = services.filter((o) =>
    active.every(([key, wanted]) => MATCHERS[key](o).some((v) => v !== undefined && wanted.has(v.toLowerCase())))
  );
  const names = active.find(([key]) => key === 'service')?.[1];
  return names ? preferDefaultNamespace(kept, names) : kept;
}

/**
 * A bare name (`checkout`) that several namespaces use means the default namespace's service, as a
 * Backstage ref without a namespace does; a bare name used once still finds its service anywhere.
 */
function preferDefaultNamespace(services: Ownership[], names: Set<string>): Ownership[] {
  const byName = new Map<string, Ownership[]>();
  for (const o of services) {
    const key = o.service.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  return services.filter((o) => {
    const same = byName.get(o.service.toLowerCase()) ?? [];
    if (same.length < 2 || !names.has(o.service.toLowerCase())) {
      return true;
    }
    const inDefault = (x: Ownership) => (x.namespace ?? DEFAULT_NAMESPACE) === DEFAULT_NAMESPACE;
    // Asked for by namespace (or ref) as well: keep what was named.
    const named = (x: Ownership) =>
      [x.ref, `${x.namespace ?? DEFAULT_NAMESPACE}/${x.service}`].some((v) => names.has(v.toLowerCase()));
    return named(o) || (same.some(inDefault) ? inDefault(o) : true);
  });
}
