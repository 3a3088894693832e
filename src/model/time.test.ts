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
