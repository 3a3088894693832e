/**
 * Backends write time as epoch seconds, epoch milliseconds (often as strings), RFC3339 with an
 * offset, or naive ISO without one (Chaos Toolkit before 1.44). Every connector parses through
 * here so one run never mixes interpretations. Returns epoch milliseconds, or undefined.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return fromEpoch(value);
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  // The common case first (RFC 3339 in UTC, as Kubernetes, Chaos Mesh and Gremlin write it): the
  // general path below costs a trim and three regular expressions per timestamp.
  if (value.length > 19 && value.charCodeAt(10) === 84 /* T */ && value.charCodeAt(value.length - 1) === 90 /* Z */) {
    return plausible(utcStamp(value) ?? Date.parse(value));
  }
  const s = value.trim();
  if (s === '') {
    return undefined;
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    return fromEpoch(Number(s));
  }
  const iso = s.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  // A date-time without Z or an offset is UTC by our convention, not the browser's local zone.
  const zoned = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso;
  return plausible(Date.parse(zoned));
}

/** Magnitude decides the unit: 1e11 s is the year 5138, 1e11 ms is 1973. */
function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n) || n <= 0) {
    return undefined;
  }
  const abs = Math.abs(n);
  const ms = abs < 1e11 ? n * 1000 : abs < 1e14 ? n : abs < 1e17 ? n / 1e3 : n / 1e6;
  return plausible(Math.round(ms));
}

/** Go's zero time ("0001-01-01T00:00:00Z") and other placeholders mean "not set". */
function plausible(ms: number): number | undefined {
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** The number the `n` digits of `s` from `i` spell, or -1 when one is not a digit. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) {
      return -1;
    }
    v = v * 10 + d;
  }
  return v;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction]Z` read by hand, as Date.parse reads it (the fraction cut to
 * milliseconds): Date.parse is the largest part of mapping 50,000 Chaos Mesh events. Anything else,
 * and days past the 28th or years before 1970, are left to Date.parse (undefined here).
 */
function utcStamp(s: string): number | undefined {
  const n = s.length;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return undefined;
  }
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23) {
    return undefined;
  }
  if (minute < 0 || minute > 59 || second < 0 || second > 59) {
    return undefined;
  }
  let ms = 0;
  if (n !== 20) {
    const digits = n - 21;
    const fraction = s.charCodeAt(19) === 46 /* . */ && digits >= 1 && digits <= 9 ? digitsAt(s, 20, digits) : -1;
    if (fraction < 0) {
      return undefined;
    }
    ms = digits >= 3 ? Math.floor(fraction / 10 ** (digits - 3)) : fraction * 10 ** (3 - digits);
  }
  return (((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + ms;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, year 1970 or later (the
 * civil-from-days count of H. Hinnant's date algorithms), without the Date.UTC call it replaces.
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
