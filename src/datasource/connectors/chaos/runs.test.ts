import { dedupeRuns, overlaps } from './runs';
import { aRun } from './testRuns';

describe('overlaps', () => {
  const from = 1000;
  const to = 2000;
  it.each([
    [{ start: 500, end: 900 }, false],
    [{ start: 500, end: 1000 }, true],
    [{ start: 1500, end: 1600 }, true],
    [{ start: 2000, end: 2500 }, true],
    [{ start: 2001, end: 2500 }, false],
    [{ start: 10, end: undefined }, true],
  ])('%j → %s', (times, expected) => {
    expect(overlaps(aRun(times), from, to)).toBe(expected);
  });
});

describe('dedupeRuns', () => {
  it('keeps one run per source and id, preferring the copy that knows its end and status', () => {
    const open = aRun({ id: 'x', end: undefined, status: 'unknown' });
    const done = aRun({ id: 'x', status: 'succeeded' });
    const otherSource = aRun({ id: 'x', source: 'litmus' });
    expect(dedupeRuns([open, done, otherSource])).toEqual([done, otherSource]);
    expect(dedupeRuns([done, open])).toEqual([done]);
  });
});
