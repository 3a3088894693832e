/**
 * Node and edge stats as text. Grafana's Node Graph panel prints a numeric stat as
 * `value.toFixed(decimals || 2) + ' ' + unit`, the unit's id and not its display
 * (public/app/plugins/panel/nodeGraph/utils.ts, statToString), so 123456789 bytes/s would read
 * "123456789.00 Bps"; a string stat it prints as it is. Written here rather than with @grafana/data's
 * formatters, which touch `window` when they load and this mapper also runs in Node.
 */
export type StatUnit = 'Bps' | 'reqps' | 'short' | 'percentunit';

const PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/**
 * Texts already written, per unit, by prefix, sign and rounded digits: stats have three significant
 * digits, so a few thousand texts repeat over 100,000 nodes and edges, and each is written once.
 */
const DIGIT_KEYS = 1001;
const SLOTS = PREFIXES.length * 2 * 3 * DIGIT_KEYS;
const WRITTEN: Partial<Record<StatUnit, Array<string | undefined>>> = {};

/**
 * Three significant digits at most, no trailing zeros: 123, 12.3, 1.23, 0.05; then the prefix and
 * the unit. `v` is the value already scaled to the prefix `i`.
 */
function withDigits(v: number, i: number, unit: StatUnit): string {
  const a = Math.abs(v);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  // Rounding by scaling is several times faster than toFixed, and agrees with it except within a
  // hair of a half, where the float product may land on the other side: those go to toFixed.
  const scale = d === 0 ? 1 : d === 1 ? 10 : 100;
  const x = a * scale;
  const frac = x - Math.floor(x);
  if (Math.abs(frac - 0.5) < 1e-6 || x >= 1e15) {
    return withUnit(String(Number(v.toFixed(d))), i, unit);
  }
  const k = Math.round(x);
  const negative = v < 0;
  if (k >= DIGIT_KEYS) {
    // Only past the last prefix.
    return withUnit(digitsText(k, scale, negative), i, unit);
  }
  const written = (WRITTEN[unit] ??= new Array<string | undefined>(SLOTS));
  const slot = ((i * 2 + (negative ? 1 : 0)) * 3 + d) * DIGIT_KEYS + k;
  return (written[slot] ??= withUnit(digitsText(k, scale, negative), i, unit));
}

/** The text of `k / scale`, written from the rounded integer's digits: a float's text costs more than the rest. */
function digitsText(k: number, scale: number, negative: boolean): string {
  if (k === 0) {
    return '0';
  }
  const sign = negative ? '-' : '';
  if (scale === 1) {
    return sign + k;
  }
  const whole = Math.floor(k / scale);
  const rest = k - whole * scale;
  if (rest === 0) {
    return sign + whole;
  }
  if (scale === 10) {
    return `${sign}${whole}.${rest}`;
  }
  return rest % 10 === 0 ? `${sign}${whole}.${rest / 10}` : `${sign}${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

function withUnit(n: string, i: number, unit: StatUnit): string {
  const prefix = PREFIXES[i];
  if (unit === 'percentunit') {
    return `${n}%`;
  }
  if (unit === 'Bps') {
    return `${n} ${prefix}B/s`;
  }
  if (unit === 'reqps') {
    return `${n}${prefix} req/s`;
  }
  return `${n}${prefix}`;
}

export function statText(value: number, unit: StatUnit): string {
  if (unit === 'percentunit') {
    return withDigits(value * 100, 0, unit);
  }
  let i = 0;
  let v = value;
  while (Math.abs(v) >= 999.5 && i < PREFIXES.length - 1) {
    v /= 1000;
    i++;
  }
  return withDigits(v, i, unit);
}

/** A stat column as text for the Node Graph; rows without a finite value stay empty. */
export function statValues(values: Array<number | null | undefined>, unit: StatUnit): Array<string | null> {
  return values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? statText(v, unit) : null));
}
