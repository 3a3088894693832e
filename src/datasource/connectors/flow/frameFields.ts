import type { DataFrame, FieldConfig, FieldType } from '@grafana/data';
import { DetailField, FlowNotice } from '../../../model';
import { Measure } from './presets';

export interface FrameOptions {
  primary: Measure;
  notices?: FlowNotice[];
  /** Price per GB of cross-zone (or cross-cluster) bytes, when configured; turns on the cost fields. */
  pricePerGb?: number;
  preset?: string;
}

/** The dash Grafana's Node Graph draws for an edge's `strokeDasharray` (an SVG dash array). */
export const DASHED = '4 4';

// Type-only use of @grafana/data keeps this mapper loadable in Node (tests against real stores, the
// benchmark): the package touches `window` when it loads. Frames are plain DataFrame objects.
export const T = {
  string: 'string' as FieldType.string,
  number: 'number' as FieldType.number,
  boolean: 'boolean' as FieldType.boolean,
};

export const COLORS = {
  errors: '#F2495C',
  success: '#73BF69',
  new: '#73BF69',
  vanished: '#8E8E8E',
  changed: '#FF9830',
};

export interface FieldSpec {
  name: string;
  type: FieldType;
  values: unknown[];
  config?: FieldConfig;
}

export function frame(name: string, fields: FieldSpec[], meta: DataFrame['meta']): DataFrame {
  return {
    name,
    fields: fields.map((f) => ({ name: f.name, type: f.type, values: f.values, config: f.config ?? {} })),
    length: fields[0]?.values.length ?? 0,
    meta,
  };
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * A detail field, added only when some row has a value, so the tooltip lists what the preset
 * measures. Read straight from the rows: 100,000 edges carry a dozen measures a preset never
 * fills, so an absent column costs one scan and no array, a present one a single pass.
 */
function optional<R>(
  fields: FieldSpec[],
  rows: readonly R[],
  get: (row: R) => unknown,
  name: string,
  displayName: string,
  unit?: string
) {
  const n = rows.length;
  let first = 0;
  while (first < n && !present(get(rows[first]))) {
    first++;
  }
  if (first === n) {
    return;
  }
  const values = new Array<unknown>(n);
  let numeric = false;
  for (let i = 0; i < n; i++) {
    const v = get(rows[i]);
    numeric ||= typeof v === 'number';
    values[i] = v === undefined ? null : v;
  }
  fields.push({
    name,
    type: numeric ? T.number : T.string,
    values,
    config: { displayName, ...(unit ? { unit } : {}) },
  });
}

/** The fields of a detail table Faultline writes, in the table's order. */
export function writeDetails<R>(
  fields: FieldSpec[],
  rows: readonly R[],
  table: Record<string, DetailField<R>>,
  opts: FrameOptions,
  mainUnit?: string
) {
  for (const d of Object.values(table)) {
    if (d.of && (!d.priced || opts.pricePerGb !== undefined)) {
      optional(fields, rows, d.of, d.name, d.label, d.mainUnit ? mainUnit : d.unit);
    }
  }
}
