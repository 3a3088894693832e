import { createDataFrame, FieldType } from '@grafana/data';
import { withRunWindow } from './runWindow';

const T = Date.UTC(2026, 10, 26, 10, 0);
const MIN = 60_000;

describe('withRunWindow', () => {
  const runs = createDataFrame({
    name: 'experiments',
    fields: [
      { name: 'run', type: FieldType.string, values: ['kill', 'latency'] },
      { name: 'start', type: FieldType.time, values: [T, T + 60 * MIN] },
      { name: 'duration', type: FieldType.number, values: [10 * MIN, 30 * MIN] },
    ],
  });

  it('adds the range from five minutes before a run to five after it, never past now', () => {
    const [f] = withRunWindow([runs], T + 70 * MIN);
    expect(f.fields.find((x) => x.name === 'window_from')?.values).toEqual([String(T - 5 * MIN), String(T + 55 * MIN)]);
    expect(f.fields.find((x) => x.name === 'window_to')?.values).toEqual([String(T + 15 * MIN), String(T + 70 * MIN)]);
    expect(f.fields.find((x) => x.name === 'window_to')?.config.custom?.hideFrom?.viz).toBe(true);
  });

  it('leaves other frames alone', () => {
    const other = createDataFrame({ name: 'timeline', fields: [{ name: 'start', type: FieldType.time, values: [T] }] });
    expect(withRunWindow([other], T)).toEqual([other]);
  });
});
