export type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~';

export interface Clause {
  /** Lower-cased field key (`team`, `errors`, `bytes`, any detail__ name without the prefix); empty for free text. */
  key: string;
  op: Op;
  value: string;
  /** The value as a number when it reads as one (`1%` -> 0.01, `10MB` -> 1e7). */
  num?: number;
  /** The value carried a `%`: `errors>1%` compares the error share, not the error count. */
  percent: boolean;
}

export type ParseResult = { ok: true; clauses: Clause[] } | { ok: false; error: string; at: number };

const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  t: 1e12,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  b: 1,
};

/** `10MB` -> 1e7 (decimal, as network rates are quoted), `2GiB` -> 2·2^30, `1%` -> 0.01. */
export function parseQuantity(v: string): { num: number; percent: boolean } | undefined {
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(%|[a-z]*)(?:\/s|ps)?$/i.exec(v.trim());
  if (!m) {
    return undefined;
  }
  const base = Number(m[1]);
  if (m[2] === '%') {
    return { num: base / 100, percent: true };
  }
  const mult = UNITS[m[2].toLowerCase()];
  return mult === undefined ? undefined : { num: base * mult, percent: false };
}

const CLAUSE =
  /\s*(?:(?:and|&&)\s+|,\s*)?(?:([A-Za-z_][\w.-]*)\s*(>=|<=|!=|==|=|>|<|~)\s*("(?:[^"\\]|\\.)*"|[^\s,]+)|("(?:[^"\\]|\\.)*"|[^\s,=<>!~]+))\s*/iy;

/**
 * Parses `team=payments errors>1% bytes>10MB`: clauses joined by spaces, commas or `and`, all of
 * which must hold. A bare word matches names. Errors point at the character where reading stopped.
 */
export function parseFilter(src: string): ParseResult {
  const clauses: Clause[] = [];
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) {
      break;
    }
    CLAUSE.lastIndex = at;
    const m = CLAUSE.exec(src);
    if (!m || m[0].length === 0) {
      return {
        ok: false,
        error: `Cannot read the filter at “${src.slice(at, at + 12)}”: write key=value, key>number or a name`,
        at,
      };
    }
    at = CLAUSE.lastIndex;
    if (m[4] !== undefined) {
      if (/^(and|&&)$/i.test(m[4])) {
        continue;
      }
      clauses.push({ key: '', op: '~', value: unquote(m[4]), percent: false });
      continue;
    }
    const op = (m[2] === '==' ? '=' : m[2]) as Op;
    const value = unquote(m[3]);
    const q = parseQuantity(value);
    if ((op === '>' || op === '<' || op === '>=' || op === '<=') && !q) {
      return {
        ok: false,
        error: `“${m[1]}${m[2]}${value}” compares with ${m[2]}, which needs a number such as 10, 1% or 10MB`,
        at: at - m[0].length,
      };
    }
    clauses.push({ key: m[1].toLowerCase(), op, value, num: q?.num, percent: q?.percent ?? false });
  }
  return { ok: true, clauses };
}

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}
