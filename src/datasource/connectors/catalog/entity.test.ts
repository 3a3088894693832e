import { parseRef } from './entity';

describe('parseRef', () => {
  it('reads [kind:][namespace/]name as the catalog model does', () => {
    expect(parseRef('group:default/team-a', 'user')).toEqual({ kind: 'group', namespace: 'default', name: 'team-a' });
    expect(parseRef(' Group:Ops/b ', 'user')).toEqual({ kind: 'group', namespace: 'Ops', name: 'b' });
    expect(parseRef('team-a', 'Group', 'shop')).toEqual({ kind: 'group', namespace: 'shop', name: 'team-a' });
    expect(parseRef('ops/team-a', 'group')).toEqual({ kind: 'group', namespace: 'ops', name: 'team-a' });
  });

  it('gives nothing for what is not a ref', () => {
    for (const raw of ['', '  ', ':x', 'x:', 'x/', '/x', 'a/b/c', 'a:b:c', 'k:n/x:y', 'n/k:x', 'k:/x', 42, null]) {
      expect([raw, parseRef(raw, 'group')]).toEqual([raw, undefined]);
    }
  });

  it('agrees with the grammar on every short string of its separators', () => {
    // The grammar of catalog-model's parseEntityRef, as a regular expression: the oracle.
    const grammar = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/;
    const expected = (s: string) => {
      const m = grammar.exec(s.trim());
      return s.trim() && m
        ? { kind: (m[1] ?? 'group').toLowerCase(), namespace: m[2] ?? 'default', name: m[3] }
        : undefined;
    };
    const alphabet = ['a', 'B', ':', '/', ' '];
    let words = [''];
    const all: string[] = [];
    for (let length = 1; length <= 6; length++) {
      words = words.flatMap((w) => alphabet.map((c) => w + c));
      all.push(...words);
    }
    expect(all.filter((s) => JSON.stringify(parseRef(s, 'group')) !== JSON.stringify(expected(s)))).toEqual([]);
  });
});
