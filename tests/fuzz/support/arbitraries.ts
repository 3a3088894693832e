import fc from 'fast-check';
import { XSS_PAYLOADS } from '../../support/xss';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Strings a backend (or whoever edits its data) may send: payloads, numbers as text, unicode, long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom(...XSS_PAYLOADS.map((p) => p.value)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'NaN',
      '+Inf',
      '-Inf',
      'Infinity',
      '1e309',
      '-1',
      '0',
      '1.5',
      '0001-01-01T00:00:00Z',
      '2026-01-16T16:51:52Z',
      '2026-01-16T16:51:52.591353',
      '1768582312',
      '1768582312591',
      '9'.repeat(30),
      'null',
      'true',
      '{}',
      '[]',
      'Running',
      'Completed',
      'Failed',
      'Applied',
      'Recovered',
      'TimeUp',
      'Active',
      'Complete',
      'Error',
      'finished',
      'running',
      'service:payments',
      'kind:pod-kill',
      'applabel: app=payments',
      'group:default/team-a',
      'user:guest'
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 50_000 }).map((n) => 'x'.repeat(n)) }
);

/** Values of the wrong type, edge-case numbers (all JSON-representable) and hostile strings. */
export const hostileScalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, -0, -1, 1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 1e11, 1e14, 1e17, 1768582312.591, 1768582312591),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hostileString
);

/** Random JSON, nested a few levels, with hostile scalars at the leaves. */
export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'items', 'data', 'name')),
      tie('v'),
      { maxKeys: 5 }
    )
  ),
})).v;

interface Mutation {
  path: number[];
  op: 'delete' | 'replace' | 'wrap-array' | 'duplicate' | 'empty';
  value: Json;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 7 }),
  op: fc.constantFrom('delete', 'replace', 'replace', 'replace', 'wrap-array', 'duplicate', 'empty'),
  value: fc.oneof({ weight: 4, arbitrary: hostileScalar }, { weight: 1, arbitrary: hostileJson }),
});

/**
 * A structurally plausible backend body: a real fixture with up to `max` mutations, each walking
 * a path of child indices into it and deleting, replacing (wrong type, null, huge number, HTML…),
 * wrapping or duplicating what it finds there. Shrinks towards the unmodified fixture.
 */
export function mutated<T>(fixture: T, max = 8): fc.Arbitrary<T> {
  return fc.array(mutation, { maxLength: max }).map((ms) => {
    const copy = JSON.parse(JSON.stringify(fixture)) as Json;
    return ms.reduce((doc, m) => apply(doc, m), copy) as unknown as T;
  });
}

function apply(doc: Json, m: Mutation): Json {
  if (m.path.length === 0) {
    return change(doc, m) ?? null;
  }
  let node: Json = doc;
  for (let depth = 0; depth < m.path.length; depth++) {
    if (node === null || typeof node !== 'object') {
      return doc;
    }
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) {
      return doc;
    }
    const key = keys[m.path[depth] % keys.length];
    const child = (node as Record<string | number, Json>)[key];
    const last = depth === m.path.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      const next = change(child, m);
      if (next === undefined) {
        Array.isArray(node) ? node.splice(key as number, 1) : delete (node as Record<string, Json>)[key as string];
      } else {
        (node as Record<string | number, Json>)[key] = next;
      }
      return doc;
    }
    node = child;
  }
  return doc;
}

/** undefined means "remove". */
function change(v: Json, m: Mutation): Json | undefined {
  switch (m.op) {
    case 'delete':
      return undefined;
    case 'replace':
      return m.value;
    case 'wrap-array':
      return [v];
    case 'duplicate':
      return Array.isArray(v) ? [...v, ...v] : v;
    case 'empty':
      return Array.isArray(v) ? [] : v !== null && typeof v === 'object' ? {} : '';
  }
}

/** Either a mutated fixture (mostly) or anything at all. */
export function backendBody<T>(fixture: T): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: mutated(fixture) }, { weight: 1, arbitrary: hostileJson });
}
