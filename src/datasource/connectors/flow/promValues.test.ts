import { parseDuration, parseSampleValue, promDuration } from './promValues';

describe('parseSampleValue', () => {
  it.each([
    ['1.5', 1.5],
    ['0', 0],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['1e3', 1000],
  ])('reads %s', (raw, expected) => expect(parseSampleValue(raw)).toBe(expected));

  it.each(['NaN', 'abc', undefined, null, {}])('reads %p as NaN', (raw) => expect(parseSampleValue(raw)).toBeNaN());
});

describe('durations', () => {
  it('parses Prometheus durations, compound ones too', () => {
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('250ms')).toBe(250);
  });

  it.each(['', '1', 'h', '1.5h', '-1h', '1 h', 'yesterday'])('refuses %j', (s) =>
    expect(parseDuration(s)).toBeUndefined()
  );

  it('never writes a zero duration', () => {
    expect(promDuration(10)).toBe('1s');
    expect(promDuration(3_600_000)).toBe('3600s');
  });
});
