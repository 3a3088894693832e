import { NodeField } from '../../../model';
import type { MapNode } from '../graph/types';
import type { Clause } from './parse';

type Value = string | number | undefined;

const ALIASES: Record<string, (n: MapNode, c: Clause) => Value> = {
  team: (n) => n.team,
  owner: (n) => n.owner,
  namespace: (n) => n.namespace,
  ns: (n) => n.namespace,
  zone: (n) => n.zone,
  cluster: (n) => n.cluster,
  system: (n) => n.system,
  chaos: (n) => n.chaos,
  name: (n) => n.title,
  title: (n) => n.title,
  id: (n) => n.id,
  bytes: (n) => n.bytes,
  cost: (n) => n.cost,
  error_share: (n) => n.errorShare,
  errors: (n, c) => (c.percent ? n.errorShare : n.errors),
};

function detailValue(n: MapNode, key: string): Value {
  const f = n.src?.fields.find((x) => x.name.toLowerCase() === `${NodeField.detailPrefix}${key}`);
  const v: unknown = f?.values[n.src!.row];
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

function valueOf(n: MapNode, c: Clause): Value {
  const alias = ALIASES[c.key];
  return alias ? alias(n, c) : detailValue(n, c.key);
}

/** `pay*` matches payments; without a `*` the whole value must match, case-insensitively. */
function globEquals(actual: string, pattern: string): boolean {
  const a = actual.toLowerCase();
  const p = pattern.toLowerCase();
  if (!p.includes('*')) {
    return a === p;
  }
  const re = new RegExp(
    `^${p
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  );
  return re.test(a);
}

export function matchClause(n: MapNode, c: Clause): boolean {
  if (c.key === '') {
    const q = c.value.toLowerCase();
    return n.title.toLowerCase().includes(q) || n.id.toLowerCase().includes(q);
  }
  const v = valueOf(n, c);
  if (c.op === '~') {
    return v !== undefined && String(v).toLowerCase().includes(c.value.toLowerCase());
  }
  if (c.op === '=' || c.op === '!=') {
    const eq =
      v !== undefined && (typeof v === 'number' && c.num !== undefined ? v === c.num : globEquals(String(v), c.value));
    return c.op === '=' ? eq : !eq;
  }
  const x = typeof v === 'number' ? v : Number(v);
  if (v === undefined || !Number.isFinite(x) || c.num === undefined) {
    return false;
  }
  switch (c.op) {
    case '>':
      return x > c.num;
    case '>=':
      return x >= c.num;
    case '<':
      return x < c.num;
    default:
      return x <= c.num;
  }
}

export function matchNode(n: MapNode, clauses: Clause[]): boolean {
  return clauses.every((c) => matchClause(n, c));
}
