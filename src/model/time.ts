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
    return plausible(Date.parse(value));
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
