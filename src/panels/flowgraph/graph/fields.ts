import type { DataFrame, Field } from '@grafana/data';

/** Field lookup by name, case-insensitive, as data sources spell `mainStat`/`mainstat` both ways. */
export function fieldMap(frame: DataFrame): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const f of frame.fields) {
    const key = f.name.toLowerCase();
    if (!map.has(key)) {
      map.set(key, f);
    }
  }
  return map;
}

export function detailFields(frame: DataFrame): Field[] {
  return frame.fields.filter((f) => f.name.toLowerCase().startsWith('detail__'));
}

export function str(field: Field | undefined, row: number): string | undefined {
  const v: unknown = field?.values[row];
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  return String(v);
}

/**
 * A stat field read as a number only when it holds numbers: the Node Graph frame format allows text
 * stats ("123 MB/s"), which are shown as they are and are no invalid numbers.
 */
export function numericStat(field: Field | undefined): Field | undefined {
  return field?.type === 'string' ? undefined : field;
}

/** Counts values that are present but not finite, so the panel can say how many it ignored. */
export class NumberReader {
  invalid = 0;
  constructor(readonly field: Field | undefined) {}

  read(row: number): number | undefined {
    if (!this.field) {
      return undefined;
    }
    const v: unknown = this.field.values[row];
    if (v === undefined || v === null || v === '') {
      return undefined;
    }
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      this.invalid++;
      return undefined;
    }
    return n;
  }
}
