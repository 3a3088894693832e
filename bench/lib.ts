/**
 * Benchmark helpers. Each `bench/*.bench.ts` measures one issue's figures and prints them with
 * `report`, always next to the baseline it is compared with, as a ratio from the same run.
 */
export interface BenchRow {
  /** What was measured, e.g. "map 5,000 Backstage entities to frames". */
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'fps' | 'count';
  /** The baseline measured in the same run, e.g. JSON.parse of the same payload. */
  baseline?: { name: string; value: number };
  /** The goal an issue names, as text, e.g. "≤ 3× JSON.parse". */
  goal?: string;
  /** Whether the goal was reached; absent when no goal is set. */
  met?: boolean;
}

export function report(row: BenchRow): void {
  const ratio = row.baseline && row.baseline.value > 0 ? row.value / row.baseline.value : undefined;
  const parts = [
    row.name.padEnd(58),
    `${fmt(row.value)} ${row.unit}`.padStart(14),
    row.baseline ? `vs ${row.baseline.name} ${fmt(row.baseline.value)} ${row.unit}`.padEnd(40) : ''.padEnd(40),
    ratio !== undefined ? `ratio ${ratio.toFixed(2)}×` : '',
    row.goal ? `goal ${row.goal}: ${row.met ? 'met' : 'NOT met'}` : '',
  ];
  console.log(parts.join('  ').trimEnd());
  // Machine-readable line for scripts/bench.mjs to collect.
  console.log(`BENCH_JSON ${JSON.stringify({ ...row, ratio })}`);
}

function fmt(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3);
}

/** Median wall time in ms of `runs` calls of fn, after one warm-up call. */
export function timeMs(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median wall time in ms of an async function. */
export async function timeMsAsync(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Medians in ms of `runs` calls of each function, after one warm-up call of each. The calls take
 * turns and each starts after a full GC (when node runs with --expose-gc), so a load peak on a
 * shared machine or the garbage of the previous call lands on both sides of a ratio alike.
 */
export function timeMsInTurns(fns: Array<() => unknown>, runs = 5): number[] {
  fns.forEach((fn) => fn());
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      collect();
      const t = performance.now();
      fn();
      times[k].push(performance.now() - t);
    });
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]);
}

/**
 * A mapper's figures against JSON.parse of its payload, all medians of 5 runs in this process:
 * the mapping alone (from one parsed value, the work after JSON.parse that the goal is about) and
 * parse + map end to end, each with its ratio to the parse.
 */
export function mapperFigures<T>(opts: {
  /** What is parsed, e.g. "50,000 Chaos Mesh events". */
  payload: string;
  text: string;
  /** What the mapping produces, e.g. "runs + region frame"; called after the figures for the check. */
  mapsTo: () => string;
  parse: (text: string) => T;
  map: (parsed: T) => unknown;
  /** Largest ratio of the mapping alone to JSON.parse. */
  goal: number;
}): void {
  const parsed = opts.parse(opts.text);
  const [parseMs, mapMs, endToEndMs] = timeMsInTurns([
    () => JSON.parse(opts.text),
    () => opts.map(parsed),
    () => opts.map(opts.parse(opts.text)),
  ]);
  const baseline = { name: 'JSON.parse', value: parseMs };
  report({ name: `JSON.parse of ${opts.payload} (${(opts.text.length / 1e6).toFixed(1)} MB)`, value: parseMs, unit: 'ms' });
  report({
    name: `map to ${opts.mapsTo()} (after the parse)`,
    value: mapMs,
    unit: 'ms',
    baseline,
    goal: `≤ ${opts.goal}× JSON.parse`,
    met: mapMs <= opts.goal * parseMs,
  });
  report({ name: 'parse + map (end to end)', value: endToEndMs, unit: 'ms', baseline });
}
