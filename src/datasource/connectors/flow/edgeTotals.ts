/**
 * What the mapper keeps per edge: the sums of the counters, the bytes that crossed zones, and the
 * worst latency. Numbered, so that a column is found by index, never by a name per series.
 */
export const SUMS = [
  'bytes',
  'requests',
  'errors',
  'retransmits',
  'drops',
  'resets',
  'flows',
  'interZone',
  'crossZone',
  'latency',
] as const;
export type Sum = (typeof SUMS)[number];
/** The number of each sum, its column's index. */
export const SUM = Object.fromEntries(SUMS.map((sum, i) => [sum, i])) as Record<Sum, number>;

/** The columns of a finished mapping by sum number: per edge, NaN where it had none of the measure. */
export type SumColumns = ReadonlyArray<Float64Array | undefined>;

const INITIAL_CAPACITY = 1024;
const KEPT_CAPACITY = 65536;
const SOURCE_ZONES_MIX = 1;
const TARGET_ZONES_MIX = 2;
const HAS_DATA = 4;

/**
 * The edges of one mapping, by number in the order they were first seen, each found by the numbers
 * of its two nodes. A global view's answer has some 100,000 series: every edge lives in typed
 * columns and one open-addressing table, so finding an edge and adding to it allocate nothing, and
 * the graph's edge objects are made once, when the sums are final.
 */
export class EdgeTotals {
  count = 0;
  private capacity = INITIAL_CAPACITY;
  private sourceNode = new Int32Array(this.capacity);
  private targetNode = new Int32Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private readonly sourceZones: Array<string | undefined> = [];
  private readonly targetZones: Array<string | undefined> = [];
  /** Per measure seen, NaN while an edge has none of it (a sum of nothing is unknown, not 0). */
  private readonly sums: Array<Float64Array | undefined> = SUMS.map(() => undefined);
  /** Columns of earlier mappings, all NaN again, for the next mapping that has their measure. */
  private readonly spare: Array<Float64Array | undefined> = SUMS.map(() => undefined);
  /** Edge number + 1 per slot, 0 when free; kept at most half full. */
  private slots = new Int32Array(2 * this.capacity);

  /** The edge from node `s` to node `t`, -1 when there is none yet. */
  find(s: number, t: number): number {
    const mask = this.slots.length - 1;
    for (let i = slotOf(s, t) & mask; ; i = (i + 1) & mask) {
      const e = this.slots[i] - 1;
      if (e < 0 || (this.sourceNode[e] === s && this.targetNode[e] === t)) {
        return e;
      }
    }
  }

  insert(s: number, t: number, sourceZone: string | undefined, targetZone: string | undefined): number {
    if (this.count === this.capacity) {
      this.grow();
    }
    const e = this.count++;
    this.sourceNode[e] = s;
    this.targetNode[e] = t;
    this.sourceZones.push(sourceZone);
    this.targetZones.push(targetZone);
    this.place(e);
    return e;
  }

  source(e: number): number {
    return this.sourceNode[e];
  }

  target(e: number): number {
    return this.targetNode[e];
  }

  /** A series without zone labels says nothing about the zones: only two different zones mix. */
  seeZones(e: number, s: string | undefined, t: string | undefined) {
    this.seeZone(this.sourceZones, SOURCE_ZONES_MIX, e, s);
    this.seeZone(this.targetZones, TARGET_ZONES_MIX, e, t);
  }

  private seeZone(zones: Array<string | undefined>, mixed: number, e: number, zone: string | undefined) {
    if (zone === undefined) {
      return;
    }
    const was = zones[e];
    if (was === undefined) {
      zones[e] = zone;
    } else if (was !== zone) {
      this.flags[e] |= mixed;
    }
  }

  /** The edge's zones, undefined where its series named more than one. */
  sourceZone(e: number): string | undefined {
    return this.flags[e] & SOURCE_ZONES_MIX ? undefined : this.sourceZones[e];
  }

  targetZone(e: number): string | undefined {
    return this.flags[e] & TARGET_ZONES_MIX ? undefined : this.targetZones[e];
  }

  markData(e: number) {
    this.flags[e] |= HAS_DATA;
  }

  hasData(e: number): boolean {
    return (this.flags[e] & HAS_DATA) !== 0;
  }

  /** Adds to a sum, by its number in `SUM`. */
  add(sum: number, e: number, value: number) {
    const column = this.column(sum);
    const was = column[e];
    column[e] = (was === was ? was : 0) + value;
  }

  /** Quantiles of different series cannot be summed: the worst is kept. */
  worstLatency(e: number, value: number) {
    const column = this.column(SUM.latency);
    const was = column[e];
    column[e] = was === was && was >= value ? was : value;
  }

  /** The columns, for reading the final sums; a measure no series had has none. */
  columns(): SumColumns {
    return this.sums;
  }

  /**
   * Empties the table for the next mapping. Its buffers are kept up to some 65,000 edges (a few MB):
   * a dashboard's next refresh is most often the same size.
   */
  clear() {
    if (this.capacity > KEPT_CAPACITY) {
      this.capacity = INITIAL_CAPACITY;
      this.sourceNode = new Int32Array(this.capacity);
      this.targetNode = new Int32Array(this.capacity);
      this.flags = new Uint8Array(this.capacity);
      this.slots = new Int32Array(2 * this.capacity);
      this.sums.fill(undefined);
      this.spare.fill(undefined);
    } else if (this.count > 0) {
      this.flags.fill(0, 0, this.count);
      this.slots.fill(0);
      this.sums.forEach((column, i) => {
        if (column) {
          this.spare[i] = column.fill(NaN, 0, this.count);
          this.sums[i] = undefined;
        }
      });
    }
    this.sourceZones.length = 0;
    this.targetZones.length = 0;
    this.count = 0;
  }

  private column(sum: number): Float64Array {
    let column = this.sums[sum];
    if (column === undefined) {
      const spare = this.spare[sum];
      column = spare?.length === this.capacity ? spare : new Float64Array(this.capacity).fill(NaN);
      this.sums[sum] = column;
    }
    return column;
  }

  private grow() {
    const capacity = this.capacity * 2;
    const wider = <A extends Int32Array | Uint8Array | Float64Array>(a: A, fill: number): A => {
      const b = new (a.constructor as new (n: number) => A)(capacity);
      b.set(a);
      b.fill(fill, this.capacity);
      return b;
    };
    this.sourceNode = wider(this.sourceNode, 0);
    this.targetNode = wider(this.targetNode, 0);
    this.flags = wider(this.flags, 0);
    this.sums.forEach((column, i) => {
      this.sums[i] = column && wider(column, NaN);
    });
    this.capacity = capacity;
    this.slots = new Int32Array(2 * capacity);
    for (let e = 0; e < this.count; e++) {
      this.place(e);
    }
  }

  private place(e: number) {
    const mask = this.slots.length - 1;
    let i = slotOf(this.sourceNode[e], this.targetNode[e]) & mask;
    while (this.slots[i] !== 0) {
      i = (i + 1) & mask;
    }
    this.slots[i] = e + 1;
  }
}

/** A final sum: undefined where the edge had none of the measure. */
export function sumAt(column: Float64Array | undefined, e: number): number | undefined {
  const v = column?.[e];
  return v === undefined || v !== v ? undefined : v;
}

/** Mixes both node numbers into every bit, so that masking keeps a well-spread slot. */
function slotOf(s: number, t: number): number {
  let h = Math.imul(s, 0x9e3779b1) ^ t;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
