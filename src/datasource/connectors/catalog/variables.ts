import { MetricFindValue } from '@grafana/data';
import { Ownership } from '../../../model';
import { QueryContext } from '../context';
import { FaultlineVariableQuery } from '../../types';
import { loadServices } from '.';
import { filterServices } from './filter';

type Finder = (query: FaultlineVariableQuery, ctx: QueryContext) => Promise<MetricFindValue[]>;

/** Distinct values, sorted by text, each shown by its display text and selected by its value. */
function distinct(pairs: Array<[value: string | undefined, text: string | undefined]>): MetricFindValue[] {
  const byValue = new Map<string, string>();
  for (const [value, text] of pairs) {
    if (value && !byValue.has(value)) {
      byValue.set(value, text || value);
    }
  }
  return [...byValue].map(([value, text]) => ({ value, text })).sort((a, b) => a.text.localeCompare(b.text));
}

async function services(query: FaultlineVariableQuery, ctx: QueryContext): Promise<Ownership[]> {
  return filterServices(await loadServices(ctx), { owner: query.owner }, (v) => ctx.interpolate(v, ctx.scopedVars));
}

/** Service names (duplicates across namespaces collapse into one value: dashboards select by name). */
export const findServices: Finder = async (q, ctx) =>
  distinct((await services(q, ctx)).map((s) => [s.service, s.service]));
/** Teams by slug (what `owner` filters and flow joins use), shown by display name. */
export const findOwners: Finder = async (q, ctx) =>
  distinct((await services(q, ctx)).map((s) => [s.team ?? s.owner, s.owner]));
export const findSystems: Finder = async (q, ctx) =>
  distinct((await services(q, ctx)).map((s) => [s.system, s.system]));
export const findNamespaces: Finder = async (q, ctx) =>
  distinct((await services(q, ctx)).map((s) => [s.namespace, s.namespace]));
