import { parseTimestamp } from './time';

const T = Date.UTC(2026, 0, 16, 16, 51, 52, 591);

describe('parseTimestamp', () => {
  it.each([
    ['epoch seconds', 1768582312.591, T],
    ['epoch seconds as a string', '1768582312.591', T],
    ['epoch milliseconds', T, T],
    ['epoch milliseconds as a string (Litmus createdAt)', String(T), T],
    ['epoch microseconds', T * 1000, T],
    ['epoch nanoseconds', T * 1e6, T],
    ['RFC3339 Z', '2026-01-16T16:51:52.591Z', T],
    ['RFC3339 with +00:00 (Chaos Toolkit 1.44)', '2026-01-16T16:51:52.591353+00:00', T],
    ['RFC3339 with another offset', '2026-01-17T01:51:52.591+09:00', T],
    ['naive ISO is UTC (Chaos Toolkit 1.9)', '2026-01-16T16:51:52.591353', T],
    ['space instead of T', '2026-01-16 16:51:52.591', T],
    ['Go nanosecond fraction', '2026-01-16T16:51:52.591000000Z', T],
  ])('reads %s', (_name, input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it.each([null, undefined, '', 'yesterday', '0001-01-01T00:00:00Z', 0, -5, NaN, Infinity, {}, true])(
    'rejects %p',
    (input) => {
      expect(parseTimestamp(input)).toBeUndefined();
    }
  );
});

describe('parseTimestamp on RFC 3339 UTC', () => {
  it('agrees with Date.parse on every shape of date, time and fraction', () => {
    const stamps: string[] = [];
    const pad = (v: number, w = 2) => String(v).padStart(w, '0');
    for (const year of [1969, 1970, 2000, 2024, 2026, 9999]) {
      for (const month of [0, 1, 2, 12, 13]) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          for (const time of ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '1a:00:00']) {
            for (const fraction of [
              '',
              '.',
              '.5',
              '.12',
              '.123',
              '.1239',
              '.999999',
              '.123456789',
              '.1234567891',
              '.12x',
            ]) {
              stamps.push(`${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${fraction}Z`);
            }
          }
        }
      }
    }
    stamps.push('2026-11-26T00:00:00+Z', '2026-11-26X00:00:00Z', '+02026-11-26T00:00:00Z', '2026-11-26T00:00:00 Z');
    for (const s of stamps) {
      const expected = Date.parse(s);
      expect([s, parseTimestamp(s)]).toEqual([s, Number.isFinite(expected) && expected > 0 ? expected : undefined]);
    }
  });

  it('agrees with Date.parse on a time every 25 hours from 1970 to 2400, leap days and centuries included', () => {
    const wrong: string[] = [];
    for (let t = 0; t < Date.UTC(2400, 0, 1); t += 86_400_000 + 3_600_000 + 61_001) {
      const s = new Date(t).toISOString();
      if (t > 0 && parseTimestamp(s) !== Date.parse(s)) {
        wrong.push(s);
      }
    }
    expect(wrong).toEqual([]);
  });
});
