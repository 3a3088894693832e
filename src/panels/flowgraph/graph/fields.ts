import type { DataFrame, Field } from '@grafana/data';
import {
  type BlastRole,
  type DetailField,
  type EdgeChangeKind,
  type EdgeDiff,
  type FieldRead,
  type ImpactLevel,
  NodeField,
} from '../../../model';

/** A frame's fields by name, case-insensitive, as Grafana's Node Graph finds them (nodeGraph/utils.ts). */
class FieldMap {
  private readonly byName = new Map<string, Field>();
  constructor(frame: DataFrame) {
    for (const f of frame.fields) {
      const key = f.name.toLowerCase();
      if (!this.byName.has(key)) {
        this.byName.set(key, f);
      }
    }
  }

  get(name: string): Field | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

function detailFields(frame: DataFrame): Field[] {
  return frame.fields.filter((f) => f.name.toLowerCase().startsWith(NodeField.detailPrefix));
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

/** What each way of reading gives: the properties of the map's nodes and edges follow from it. */
interface ReadValue {
  text: string;
  number: number;
  role: BlastRole;
  impact: ImpactLevel;
  change: EdgeChangeKind;
  diff: EdgeDiff;
  flag: boolean;
}

/** The properties read from a detail table: one per row with a `read`, typed by how it is read. */
export type ReadDetails<T> = {
  -readonly [K in keyof T as T[K] extends { read: FieldRead } ? K : never]?: T[K] extends {
    read: infer R extends FieldRead;
  }
    ? ReadValue[R]
    : never;
};

/**
 * A field whose text starts with one of `words`, in any case, and may carry more after it: the runs
 * after a chaos role ("target: pod-kill-1"), the reasons after an impact level or an edge change
 * ("degraded: p95 latency 50 ms → 156 ms").
 */
function leadingWord<W extends string>(...words: W[]): (v: string | undefined) => W | undefined {
  const re = new RegExp(`^(${words.join('|')})\\b`, 'i');
  return (v) => {
    const m = v ? re.exec(v.trim()) : null;
    return m ? (m[1].toLowerCase() as W) : undefined;
  };
}

const DIFFS = new Set<string>(['new', 'vanished', 'changed', 'same']);

function parseDiff(v: string | undefined): EdgeDiff | undefined {
  const d = v?.toLowerCase();
  return d && DIFFS.has(d) ? (d as EdgeDiff) : undefined;
}

function parseFlag(v: string | undefined): boolean | undefined {
  return v === undefined ? undefined : !/^(false|0|no)$/i.test(v.trim());
}

const PARSE: Record<Exclude<FieldRead, 'number'>, (v: string | undefined) => unknown> = {
  text: (v) => v,
  role: leadingWord<BlastRole>('target', 'upstream', 'downstream'),
  impact: leadingWord<ImpactLevel>('unaffected', 'degraded', 'broken', 'unknown'),
  change: leadingWord<EdgeChangeKind>('errors', 'traffic', 'latency', 'none'),
  diff: parseDiff,
  flag: parseFlag,
};

interface DetailReader {
  key: string;
  read: (row: number) => unknown;
}

type DetailTable = Record<string, Pick<DetailField<unknown>, 'name' | 'read'>>;

/**
 * One nodes or edges frame as the map reads it: its fields by name, readers for every row of a
 * detail table the map reads, and every number reader, so their invalid values are reported.
 */
export class FrameReader {
  readonly details: Field[];
  private readonly fields: FieldMap;
  private readonly numbers: NumberReader[] = [];
  private readonly readers: DetailReader[] = [];

  constructor(frame: DataFrame, table: DetailTable) {
    this.fields = new FieldMap(frame);
    this.details = detailFields(frame);
    for (const [key, d] of Object.entries(table)) {
      if (!d.read) {
        continue;
      }
      const field = this.fields.get(d.name);
      if (d.read === 'number') {
        const r = this.number(field);
        this.readers.push({ key, read: (row) => r.read(row) });
      } else {
        const parse = PARSE[d.read];
        this.readers.push({ key, read: (row) => parse(str(field, row)) });
      }
    }
  }

  field(name: string): Field | undefined {
    return this.fields.get(name);
  }

  /** A reader of a number field whose invalid values are counted with the others. */
  number(field: Field | undefined): NumberReader {
    const r = new NumberReader(field);
    this.numbers.push(r);
    return r;
  }

  /** Sets every detail property on a node or edge, absent ones to undefined, so all share one shape. */
  readDetails<T extends object>(into: T, row: number): T {
    const target = into as Record<string, unknown>;
    for (const r of this.readers) {
      target[r.key] = r.read(row);
    }
    return into;
  }

  /** Adds the invalid values each number reader counted to `invalid`, by field name. */
  countInvalid(invalid: Map<string, number>) {
    for (const r of this.numbers) {
      if (r.invalid > 0 && r.field) {
        invalid.set(r.field.name, (invalid.get(r.field.name) ?? 0) + r.invalid);
      }
    }
  }
}
