import { arr, bool, lookup, num, obj, objs, str, strMap, strs } from './json';

describe('JSON readers', () => {
  it('str keeps non-blank text, trimmed, and turns finite numbers into their string', () => {
    expect(str('  payments ')).toBe('payments');
    expect(str(42)).toBe('42');
    expect([str(''), str('   '), str(true), str(NaN), str(Infinity), str({}), str(['a']), str(null)]).toEqual(
      Array(8).fill(undefined)
    );
  });

  it('num, bool, arr and obj give undefined for the wrong type', () => {
    expect([num(3), num('3'), num(NaN)]).toEqual([3, undefined, undefined]);
    expect([bool(false), bool('false')]).toEqual([false, undefined]);
    expect([arr([1]), arr({ 0: 1 }), arr('x')]).toEqual([[1], undefined, undefined]);
    expect([obj({ a: 1 }), obj([]), obj(null), obj('x')]).toEqual([{ a: 1 }, undefined, undefined, undefined]);
  });

  it('list readers skip the elements of the wrong type and treat a non-list as empty', () => {
    expect(objs([{ a: 1 }, null, 'x', [], { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(strs(['a', 7, null, { x: 1 }, ' '])).toEqual(['a', '7']);
    expect(strs(5)).toEqual([]);
    expect(objs({ a: 1 })).toEqual([]);
  });

  it('strMap keeps text and number values and drops nested objects', () => {
    expect(strMap({ service: 'payments', replicas: 3, nested: { name: 'x' }, off: false, empty: '' })).toEqual({
      service: 'payments',
      replicas: '3',
      empty: '',
    });
    expect(strMap(['a'])).toEqual({});
  });

  it('lookup finds only the entries of the table itself', () => {
    const table = { finished: 'succeeded' };
    expect([lookup(table, 'finished'), lookup(table, ' finished ')]).toEqual(['succeeded', 'succeeded']);
    expect([
      lookup(table, 'constructor'),
      lookup(table, '__proto__'),
      lookup(table, 'toString'),
      lookup(table, 7),
      lookup(table, {}),
    ]).toEqual(Array(5).fill(undefined));
  });
});
