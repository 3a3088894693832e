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
  const r = Math.round(x) / scale;
  return String(v < 0 ? -r : r);
}

function scaled(v: number): { n: string; prefix: string } {
  let i = 0;
  let n = v;
  while (Math.abs(n) >= 999.5 && i < PREFIXES.length - 1) {
    n /= 1000;
    i++;
  }
  return { n: digits(n), prefix: PREFIXES[i] };
}

export function statText(value: number, unit: StatUnit): string {
  if (unit === 'percentunit') {
    return `${digits(value * 100)}%`;
  }
  const { n, prefix } = scaled(value);
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
