import { EdgeTotals, SUM, sumAt } from './edgeTotals';

describe('EdgeTotals', () => {
  it('finds every edge by its two node numbers, through growth and reuse, as a Map of pairs does', () => {
    const totals = new EdgeTotals();
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (const [nodes, series] of [
      [300, 20_000],
      [40, 500],
      [5_000, 100_000],
      [3, 10],
    ]) {
      const oracle = new Map<string, number>();
      const wrong: string[] = [];
      for (let i = 0; i < series; i++) {
        const s = rand(nodes);
        const t = rand(nodes);
        let e = totals.find(s, t);
        const known = oracle.get(`${s}>${t}`);
        if (e !== (known ?? -1)) {
          wrong.push(`${s}>${t}: ${e} for ${known}`);
        }
        if (e < 0) {
          e = totals.insert(s, t, undefined, undefined);
          oracle.set(`${s}>${t}`, e);
        }
        totals.add(SUM.bytes, e, 1);
      }
      expect(wrong).toEqual([]);
      // Numbered in the order first seen, each with the sum of its series.
      expect(totals.count).toBe(oracle.size);
      expect([...oracle.values()]).toEqual([...oracle.keys()].map((_, i) => i));
      const columns = totals.columns();
      const sum = Array.from({ length: totals.count }, (_, e) => sumAt(columns[SUM.bytes], e)!).reduce(
        (a, b) => a + b,
        0
      );
      expect(sum).toBe(series);
      expect(sumAt(columns[SUM.requests], 0)).toBeUndefined();
      totals.clear();
      expect(totals.count).toBe(0);
      expect(totals.find(0, 1)).toBe(-1);
    }
  });

  it('keeps the first zones and forgets those that mix', () => {
    const totals = new EdgeTotals();
    const e = totals.insert(1, 2, undefined, 'b');
    totals.seeZones(e, 'a', undefined);
    totals.seeZones(e, 'a', 'c');
    expect([totals.sourceZone(e), totals.targetZone(e)]).toEqual(['a', undefined]);
    totals.clear();
    const again = totals.insert(1, 2, 'x', 'y');
    expect([totals.sourceZone(again), totals.targetZone(again), totals.hasData(again)]).toEqual(['x', 'y', false]);
  });
});
