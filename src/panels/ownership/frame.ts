import { DataFrame, Field } from '@grafana/data';
import { OwnershipFieldName as F } from '../../model';

/** One service row as the panel reads it; every value is plain text until a component decides how to show it. */
export type OwnershipRow = Record<string, string>;

/** Reads the rows of every frame that carries a `service` field; other frames are ignored. */
export function rowsFromFrames(frames: DataFrame[]): OwnershipRow[] {
  const rows: OwnershipRow[] = [];
  for (const frame of frames) {
    const fields = new Map<string, Field>(frame.fields.map((f) => [f.name, f]));
    if (!fields.has(F.service)) {
      continue;
    }
    for (let i = 0; i < frame.length; i++) {
      const row: OwnershipRow = {};
      fields.forEach((field, name) => {
        const v = field.values[i];
        row[name] = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
      });
      rows.push(row);
    }
  }
  return rows;
}
