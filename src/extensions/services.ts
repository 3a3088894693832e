import type { DataFrame, PanelData } from '@grafana/data';

/** Labels that name a service on metrics, logs and traces, in order of preference. */
export const DEFAULT_SERVICE_LABELS = ['service', 'job', 'app', 'service_name', 'k8s_deployment_name'];

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_.]*$/;

/** The label list from the app settings, or the defaults when it names no valid label. */
export function serviceLabels(configured: unknown): string[] {
  const list = (Array.isArray(configured) ? configured : typeof configured === 'string' ? configured.split(',') : [])
    .map((l) => (typeof l === 'string' ? l.trim() : ''))
    .filter((l) => LABEL.test(l));
  return list.length > 0 ? [...new Set(list)] : DEFAULT_SERVICE_LABELS;
}

/** A label value that can name a service: text without control characters, not a template or "All". */
function serviceName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') {
    return undefined;
  }
  const s = raw.trim();
  if (
    s === '' ||
    s.length > 253 ||
    /[\u0000-\u001F\u007F]/.test(s) ||
    /^\$/.test(s) ||
    s === '$__all' ||
    s.toLowerCase() === 'all'
  ) {
    return undefined;
  }
  return s;
}

function labelsOf(frame: DataFrame): Array<Record<string, string>> {
  return frame.fields.flatMap((f) => (f.labels ? [f.labels] : []));
}

/** Services named by label sets: per set, the value of the first listed label it carries. */
export function servicesOfLabelSets(sets: Array<Record<string, unknown> | undefined>, labels: string[]): string[] {
  const found: string[] = [];
  for (const set of sets) {
    const name = set ? labels.map((l) => serviceName(set[l])).find((v) => v !== undefined) : undefined;
    if (name !== undefined && !found.includes(name)) {
      found.push(name);
    }
  }
  return found;
}

/** Services the series of a panel's (or Explore's) data are labelled with, in the order they appear. */
export function servicesOfData(data: PanelData | undefined, labels: string[]): string[] {
  return servicesOfLabelSets((data?.series ?? []).flatMap(labelsOf), labels);
}

/** Services a variable value names: one string, or the values of a multi-value variable. */
export function servicesOfValue(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return [...new Set(values.map(serviceName).filter((v): v is string => v !== undefined))];
}
