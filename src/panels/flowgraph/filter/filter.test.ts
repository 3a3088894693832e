import type { MapNode } from '../graph/types';
import { matchNode } from './match';
import { type Clause, parseFilter, parseQuantity } from './parse';

function parsed(src: string): Clause[] {
  const r = parseFilter(src);
  if (!r.ok) {
    throw new Error(r.error);
  }
  return r.clauses;
}

const node = (over: Partial<MapNode>): MapNode => ({ id: 'svc', title: 'svc', ...over });

describe('parseQuantity', () => {
  it.each([
    ['1%', 0.01, true],
    ['10MB', 1e7, false],
    ['2GiB', 2 * 1024 ** 3, false],
    ['1.5k', 1500, false],
    ['10MB/s', 1e7, false],
    ['-3', -3, false],
  ])('%s', (v, num, percent) => {
    expect(parseQuantity(v)).toEqual({ num, percent });
  });

  it('refuses unknown units', () => {
    expect(parseQuantity('10 parsecs')).toBeUndefined();
    expect(parseQuantity('ten')).toBeUndefined();
  });
});

describe('parseFilter', () => {
  it('reads the examples of the issue', () => {
    expect(parsed('team=payments errors>1% bytes>10MB')).toEqual([
      { key: 'team', op: '=', value: 'payments', num: undefined, percent: false },
      { key: 'errors', op: '>', value: '1%', num: 0.01, percent: true },
      { key: 'bytes', op: '>', value: '10MB', num: 1e7, percent: false },
    ]);
  });

  it('accepts commas, and, quotes, == and free text', () => {
    const c = parsed('namespace == "shop front", owner!=group:default/ads and checkout');
    expect(c.map((x) => [x.key, x.op, x.value])).toEqual([
      ['namespace', '=', 'shop front'],
      ['owner', '!=', 'group:default/ads'],
      ['', '~', 'checkout'],
    ]);
  });

  it('an empty filter has no clauses', () => {
    expect(parsed('   ')).toEqual([]);
  });

  it('says where a comparison lacks a number', () => {
    const r = parseFilter('team=a bytes>lots');
    expect(r).toMatchObject({ ok: false, at: 7 });
    expect(!r.ok && r.error).toContain('needs a number');
  });

  it('says where it cannot read', () => {
    const r = parseFilter('team=a >5');
    expect(r).toMatchObject({ ok: false, at: 7 });
  });
});

describe('matchNode', () => {
  const pay = node({ id: 'pay-api', title: 'pay-api', team: 'Payments', errorShare: 0.02, errors: 0.5, bytes: 2e7 });
  const ads = node({ id: 'ads', title: 'ads', team: 'ads', errorShare: 0, bytes: 10 });

  it.each([
    ['team=payments', true, false],
    ['team=pay*', true, false],
    ['team!=payments', false, true],
    ['errors>1%', true, false],
    ['errors>1', false, false],
    ['bytes>10MB', true, false],
    ['bytes<=10', false, true],
    ['pay', true, false],
    ['team~ay', true, false],
    ['cost>0', false, false],
    ['', true, true],
  ])('%s', (src, p, a) => {
    const c = parsed(src);
    expect([matchNode(pay, c), matchNode(ads, c)]).toEqual([p, a]);
  });

  it('reads any detail__ field of the row', () => {
    const n = node({
      src: { fields: [{ name: 'detail__tier', type: 'string', config: {}, values: ['t1', 'gold'] }] as never, row: 1 },
    });
    expect(matchNode(n, parsed('tier=gold'))).toBe(true);
    expect(matchNode(n, parsed('tier=t1'))).toBe(false);
  });
});
