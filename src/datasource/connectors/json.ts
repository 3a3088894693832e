/**
 * Readers for backend JSON, which never has to match its documented shape: each one narrows a value
 * to the type the caller wants or gives undefined, so a field of the wrong type is dropped (or, for
 * text, a number becomes its string) instead of throwing deep inside a mapper or a frame.
 */

/**
 * A documented backend shape as it actually arrives: any key may hold anything. Mappers take
 * `Untrusted<T>` so the compiler makes them read each field through the readers below.
 */
export type Untrusted<T> = { [K in keyof T]?: unknown };

export type JsonObject = Record<string, unknown>;

/** Non-blank text, trimmed; a finite number becomes its string (names and ids are often numeric). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? String(v) : undefined;
  }
  return text(v);
}

/** Non-blank text, trimmed; anything that is not a string (a number too) gives undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v !== 'string') {
    return undefined;
  }
  // Most backend text has no surrounding space: skip the copy trim() makes (hot in every mapper).
  if (v.length > 0 && isPlainEdge(v.charCodeAt(0)) && isPlainEdge(v.charCodeAt(v.length - 1))) {
    return v;
  }
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A printable ASCII character: never white space that trim() would remove. */
const isPlainEdge = (c: number) => c > 32 && c < 127;

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A JSON object (not null, not a list). */
export function obj(v: unknown): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** The objects of a list, as the documented element shape; anything else in it is skipped. */
export function objs<T>(v: unknown): Array<Untrusted<T>> {
  return (arr(v) ?? []).filter((x) => obj(x) !== undefined) as Array<Untrusted<T>>;
}

/** The texts of a list (numbers as their strings); anything else in it is skipped. */
export function strs(v: unknown): string[] {
  return (arr(v) ?? []).map(str).filter((s): s is string => s !== undefined);
}

/** The entries of a map of values or lists of values (`{"service": ["web"]}`), each as its texts; empty lists are dropped. */
export function strListMap(v: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, value] of Object.entries(obj(v) ?? {})) {
    const values = Array.isArray(value) ? strs(value) : [str(value)].filter((x): x is string => x !== undefined);
    if (values.length) {
      out[k] = values;
    }
  }
  return out;
}

/** The entries of a string map (labels, tags) whose values are text or numbers; others are dropped. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(obj(v) ?? {})) {
    if (typeof value === 'string' || num(value) !== undefined) {
      out[k] = String(value);
    }
  }
  return out;
}

/**
 * The entry of a fixed table for a key read from JSON. Indexing the table directly would find
 * Object.prototype's members: a status of "constructor" must be unknown, not a function.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  const k = str(key);
  return k !== undefined && Object.prototype.hasOwnProperty.call(table, k) ? table[k] : undefined;
}
