/**
 * Node and edge stats as text. Grafana's Node Graph panel prints a numeric stat as
 * `value.toFixed(decimals || 2) + ' ' + unit`, the unit's id and not its display
 * (public/app/plugins/panel/nodeGraph/utils.ts, statToString), so 123456789 bytes/s would read
 * "123456789.00 Bps"; a string stat it prints as it is. Written here rather than with @grafana/data's
 * formatters, which touch `window` when they load and this mapper also runs in Node.
 */
export type StatUnit = 'Bps' | 'reqps' | 'short' | 'percentunit';

const PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** Three significant digits at most, no trailing zeros: 123, 12.3, 1.23, 0.05. */
function digits(v: number): string {
  const a = Math.abs(v);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : 2;
  // Rounding by scaling is several times faster than toFixed, and agrees with it except within a
  // hair of a half, where the float product may land on the other side: those go to toFixed.
  const scale = d === 0 ? 1 : d === 1 ? 10 : 100;
  const x = a * scale;
  const frac = x - Math.floor(x);
  if (Math.abs(frac - 0.5) < 1e-6 || x >= 1e15) {
    return String(Number(v.toFixed(d)));
  }
  // The text is written from the rounded integer's digits: a float's text costs more than the rest.
  const k = Math.round(x);
  if (k === 0) {
    return '0';
  }
  const sign = v < 0 ? '-' : '';
  if (d === 0) {
    return sign + k;
  }
  const whole = Math.floor(k / scale);
  const rest = k - whole * scale;
  if (rest === 0) {
    return sign + whole;
  }
  if (d === 1) {
    return `${sign}${whole}.${rest}`;
  }
  return rest % 10 === 0 ? `${sign}${whole}.${rest / 10}` : `${sign}${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

export function statText(value: number, unit: StatUnit): string {
  if (unit === 'percentunit') {
    return `${digits(value * 100)}%`;
  }
  let i = 0;
  let v = value;
  while (Math.abs(v) >= 999.5 && i < PREFIXES.length - 1) {
    v /= 1000;
    i++;
  }
  const n = digits(v);
  const prefix = PREFIXES[i];
  if (unit === 'Bps') {
    return `${n} ${prefix}B/s`;
  }
  if (unit === 'reqps') {
    return `${n}${prefix} req/s`;
  }
  return `${n}${prefix}`;
}

/** A stat column as text for the Node Graph; rows without a finite value stay empty. */
export function statValues(values: Array<number | null | undefined>, unit: StatUnit): Array<string | null> {
  return values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? statText(v, unit) : null));
}
