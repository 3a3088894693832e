import { InputError } from '../../../model';
import { lookup } from '../json';
import { PresetMeasure } from './presets';
import { promDuration } from './promValues';

/** Grafana's default scrape interval assumption for `$__rate_interval` when none is known. */
const SCRAPE_INTERVAL_MS = 15_000;

export interface RangeVars {
  rangeMs: number;
  /** Grafana's `$__interval` for a panel of ~1000 points. */
  intervalMs: number;
  rateIntervalMs: number;
}

export function rangeVars(from: number, to: number): RangeVars {
  const rangeMs = Math.max(1000, to - from);
  const intervalMs = Math.max(1000, Math.round(rangeMs / 1000));
  return { rangeMs, intervalMs, rateIntervalMs: Math.max(intervalMs + SCRAPE_INTERVAL_MS, 4 * SCRAPE_INTERVAL_MS) };
}

/**
 * Replaces the range variables Grafana did not interpolate (it never does for a data source
 * other than Prometheus), so custom PromQL may use them as in a Prometheus panel.
 */
export function replaceRangeVars(promql: string, v: RangeVars): string {
  const values: Record<string, string> = {
    __rate_interval: promDuration(v.rateIntervalMs),
    __range_ms: String(Math.round(v.rangeMs)),
    __range_s: String(Math.round(v.rangeMs / 1000)),
    __range: promDuration(v.rangeMs),
    __interval_ms: String(v.intervalMs),
    __interval: promDuration(v.intervalMs),
  };
  return promql.replace(
    /\$\{(__\w+)\}|\$(__\w+)/g,
    (m, braced: string | undefined, bare: string | undefined) => lookup(values, braced ?? bare) ?? m
  );
}

/** `metric{a,b}` from a metric name and matcher lists; empty parts are left out. */
export function selector(metric: string, ...matchers: Array<string | undefined>): string {
  const parts = matchers
    .map((m) =>
      m
        ?.trim()
        .replace(/^\{|\}$/g, '')
        .trim()
    )
    .filter((m): m is string => !!m);
  return `${metric}{${parts.join(',')}}`;
}

/** Rejects matchers that would break out of the selector (`}`, `)`), before they reach the store. */
export function checkMatchers(matchers: string | undefined): string | undefined {
  const m = matchers?.trim();
  if (!m) {
    return undefined;
  }
  const inner = m.replace(/^\{|\}$/g, '');
  if (/[{}()]/.test(inner.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) {
    throw new InputError(`matchers must be label matchers like k8s_src_namespace="shop", not "${m}"`, 'Flow query');
  }
  return inner;
}

/** A label name as PromQL accepts it after `by`/`without`; anything else is refused before it reaches the store. */
export function checkLabelName(label: string | undefined, what: string): string | undefined {
  const l = label?.trim();
  if (!l) {
    return undefined;
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(l)) {
    throw new InputError(`the ${what} must be a label name like prometheus_replica, not "${l}"`, 'Flow query');
  }
  return l;
}

/**
 * The PromQL of one measure. With a replica label, series that differ only in it are one series
 * sent twice by an HA pair: `max without` keeps one before the sum, so the pair is not counted double.
 */
export function measureQuery(
  m: PresetMeasure,
  by: string[],
  rangeMs: number,
  matchers?: string,
  replicaLabel?: string
): string {
  const range = promDuration(rangeMs);
  const dedup = (inner: string) => (replicaLabel ? `max without (${replicaLabel}) (${inner})` : inner);
  if (m.kind === 'histogram') {
    const sel = selector(`${m.metric}_bucket`, m.match, matchers);
    return `histogram_quantile(0.95, sum by (le,${by.join(',')}) (${dedup(`rate(${sel}[${range}])`)}))`;
  }
  return `sum by (${by.join(',')}) (${dedup(`increase(${selector(m.metric, m.match, matchers)}[${range}])`)})`;
}
