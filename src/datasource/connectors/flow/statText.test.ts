import { statText } from './statText';

/** The rounding statText is specified by: three significant digits through toFixed, trailing zeros dropped. */
function byToFixed(v: number): string {
  const a = Math.abs(v);
  return String(Number(v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2)));
}

describe('statText rounding', () => {
  it('rounds as toFixed does, halves and float noise included', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = [
      0, -0, 0.005, 0.015, 0.125, 1.005, 1.255, 2.675, 8.345, 12.25, 99.95, 99.995, 100.5, 998.5, -2.5, -0.004, -12.35,
    ];
    for (let i = 0; i < 50_000; i++) {
      const magnitude = 10 ** Math.floor(rand() * 6 - 3);
      values.push(
        (rand() - 0.1) * 999 * magnitude,
        Math.round(rand() * 99_999) / 1000,
        Math.round(rand() * 9_999) / 20
      );
    }
    // Below 999.5 no prefix applies, so the text is the rounded number itself.
    const small = values.filter((v) => Math.abs(v) < 9.995);
    const wrong = [
      ...values.filter((v) => Math.abs(v) < 999.5 && statText(v, 'short') !== byToFixed(v)),
      ...small.filter((v) => statText(v, 'percentunit') !== `${byToFixed(v * 100)}%`),
    ];
    expect(wrong).toEqual([]);
  });

  it('rounds the scaled value the same way past a prefix, negative values included', () => {
    const prefixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
    const byPrefix = (v: number) => {
      let i = 0;
      while (Math.abs(v) >= 999.5 && i < prefixes.length - 1) {
        v /= 1000;
        i++;
      }
      return `${byToFixed(v)}${prefixes[i]}`;
    };
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = Array.from({ length: 20_000 }, () => (rand() - 0.3) * 10 ** Math.floor(rand() * 20));
    expect(values.filter((v) => statText(v, 'short') !== byPrefix(v))).toEqual([]);
    // Each unit keeps its own written texts: the same digits and prefix under another unit.
    expect(values.filter((v) => statText(v, 'Bps') !== byPrefix(v).replace(/([kMGTPE]?)$/, ' $1B/s'))).toEqual([]);
    expect(values.filter((v) => statText(v, 'reqps') !== `${byPrefix(v)} req/s`)).toEqual([]);
  });

  it('keeps the prefixes and units', () => {
    expect(statText(123_456_789, 'Bps')).toBe('123 MB/s');
    expect(statText(1_250, 'reqps')).toBe('1.25k req/s');
    expect(statText(0.0512, 'percentunit')).toBe('5.12%');
  });
});
