/**
 * Converts a Prometheus sample value string to a number. Prometheus writes non-finite values as
 * "NaN", "+Inf" and "-Inf", which `Number()` reads as NaN for the infinities.
 */
export function parseSampleValue(raw: unknown): number {
  if (typeof raw === 'number') {
    return raw;
  }
  if (typeof raw !== 'string') {
    return NaN;
  }
  const n = Number(raw);
  if (n === n) {
    return n;
  }
  if (raw === '+Inf' || raw === 'Inf') {
    return Infinity;
  }
  return raw === '-Inf' ? -Infinity : NaN;
}

/** Prometheus accepts float seconds for `time`, `start` and `end`. */
export function promTime(ms: number): string {
  return (ms / 1000).toFixed(3);
}

const UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** Parses a Prometheus duration such as "90s", "1h30m" or "1d"; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const s = text.trim();
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(s)) {
    return undefined;
  }
  let total = 0;
  for (const [, n, unit] of s.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(n) * UNITS_MS[unit];
  }
  return total;
}

/** Whole seconds as a PromQL duration, never below 1s (a zero range is a PromQL error). */
export function promDuration(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}
