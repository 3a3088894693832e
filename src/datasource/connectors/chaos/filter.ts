import { ChaosRun, ChaosSource, ChaosStatus, CHAOS_SOURCES, CHAOS_STATUSES } from '../../../model/chaos';
import { InputError } from '../../../model/errors';
import { ChaosFilter } from '../../types';
import { LabelRequirement, matchesSelector, parseLabelSelector } from './selector';
import { targetMatchesService } from '../../../model/targets';

export type Interpolate = (value: string | undefined) => string;

/** A filter with template variables replaced and every multi-value field split into a list. */
export interface ResolvedFilter {
  sources?: Set<ChaosSource>;
  status?: Set<ChaosStatus>;
  namespaces?: Set<string>;
  kinds?: Set<string>;
  name?: RegExp;
  labels?: LabelRequirement[];
  services?: string[];
}

/** Values that mean "no restriction" when a variable's All option is not given a custom value. */
const ALL = new Set(['', '*', '.*', '$__all', 'all']);

/** A variable reference left as is after interpolation: the dashboard has no such variable. */
const UNRESOLVED = /^(\$\w+|\$\{[^}]+\}|\[\[[^\]]+\]\])$/;

/**
 * `a,b`, `{a,b}` (Grafana's glob format) and `$var` holding either become a list; All becomes
 * undefined, and so does `$service` on a dashboard without that variable, so one default query
 * works on every dashboard.
 */
export function splitValues(raw: string | undefined, interpolate: Interpolate): string[] | undefined {
  if (raw === undefined || raw.trim() === '') {
    return undefined;
  }
  const text = interpolate(raw).trim().replace(/^\{(.*)\}$/, '$1');
  const values = text.split(',').map((v) => v.trim()).filter((v) => v !== '' && !UNRESOLVED.test(v));
  return values.length === 0 || values.some((v) => ALL.has(v.toLowerCase())) ? undefined : values;
}

export function resolveFilter(filter: ChaosFilter, interpolate: Interpolate): ResolvedFilter {
  const list = (values: string[] | undefined) => splitValues(values?.join(','), interpolate);
  const out: ResolvedFilter = {};
  const sources = list(filter.sources);
  if (sources) {
    out.sources = new Set(checked(sources, CHAOS_SOURCES, 'source'));
  }
  const status = list(filter.status);
  if (status) {
    out.status = new Set(checked(status, CHAOS_STATUSES, 'status'));
  }
  const namespaces = splitValues(filter.namespace, interpolate);
  out.namespaces = namespaces && new Set(namespaces);
  const kinds = splitValues(filter.kind, interpolate);
  out.kinds = kinds && new Set(kinds.map((k) => k.toLowerCase()));
  out.services = splitValues(filter.service, interpolate);
  const name = filter.nameRegex ? interpolate(filter.nameRegex).trim() : '';
  if (name !== '' && !ALL.has(name)) {
    out.name = compileRegex(name);
  }
  const selector = filter.labelSelector ? interpolate(filter.labelSelector).trim() : '';
  if (selector !== '') {
    out.labels = parseLabelSelector(selector);
  }
  return out;
}

export function matchesFilter(run: ChaosRun, f: ResolvedFilter): boolean {
  return (
    (!f.sources || f.sources.has(run.source)) &&
    (!f.status || f.status.has(run.status)) &&
    (!f.namespaces || (run.namespace !== undefined && f.namespaces.has(run.namespace))) &&
    (!f.kinds || f.kinds.has(run.kind.toLowerCase())) &&
    (!f.name || f.name.test(run.name)) &&
    (!f.labels || matchesSelector(run.labels, f.labels)) &&
    (!f.services || run.targets.some((t) => f.services!.some((s) => targetMatchesService(t, s))))
  );
}

function checked<T extends string>(values: string[], allowed: readonly T[], what: string): T[] {
  const bad = values.filter((v) => !allowed.includes(v as T));
  if (bad.length > 0) {
    throw new InputError(`unknown ${what} "${bad.join(', ')}"; use one of ${allowed.join(', ')}`, 'Chaos filter');
  }
  return values as T[];
}

function compileRegex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (e) {
    throw new InputError(`name regex "${source}" is invalid: ${(e as Error).message}`, 'Chaos filter');
  }
}
