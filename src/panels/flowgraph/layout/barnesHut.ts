/**
 * Barnes–Hut many-body repulsion on flat typed arrays, the same force as d3-force's forceManyBody
 * (strength per body, theta, distanceMax, distanceMin 1) without its object quadtree: d3 allocates
 * a tree of objects every tick, which at 50,000 bodies spends most of the layout in the allocator
 * and the garbage collector. Cells live in reused typed arrays; a slot holds nothing (EMPTY), a
 * cell (index ≥ 0) or a body b (encoded −b − 2), and bodies at the very same point share a slot
 * through `next`. Children are always created after their parent, so one reverse pass sums them.
 */
const EMPTY = -1;

export class ManyBody {
  private slot: Int32Array;
  private cellX: Float64Array;
  private cellY: Float64Array;
  private cellW: Float64Array;
  private value: Float64Array;
  private weight: Float64Array;
  private comX: Float64Array;
  private comY: Float64Array;
  private next: Int32Array;
  private stack: Int32Array;
  private cells = 0;

  constructor(
    private readonly n: number,
    private readonly strength: Float64Array,
    private readonly theta2: number,
    private readonly distanceMax2: number
  ) {
    const cap = Math.max(16, 2 * n);
    this.slot = new Int32Array(4 * cap);
    this.cellX = new Float64Array(cap);
    this.cellY = new Float64Array(cap);
    this.cellW = new Float64Array(cap);
    this.value = new Float64Array(cap);
    this.weight = new Float64Array(cap);
    this.comX = new Float64Array(cap);
    this.comY = new Float64Array(cap);
    this.next = new Int32Array(n);
    this.stack = new Int32Array(4 * 64 + 16);
  }

  /** Adds alpha-scaled repulsion to vx, vy from positions x, y. */
  apply(x: Float64Array, y: Float64Array, vx: Float64Array, vy: Float64Array, alpha: number): void {
    if (this.n === 0) {
      return;
    }
    this.build(x, y);
    this.sum(x, y);
    for (let i = 0; i < this.n; i++) {
      this.push(i, x, y, vx, vy, alpha);
    }
  }

  private newCell(cx: number, cy: number, w: number): number {
    if (this.cells === this.cellX.length) {
      this.grow();
    }
    const c = this.cells++;
    this.cellX[c] = cx;
    this.cellY[c] = cy;
    this.cellW[c] = w;
    this.slot.fill(EMPTY, 4 * c, 4 * c + 4);
    return c;
  }

  private grow(): void {
    const cap = 2 * this.cellX.length;
    const more = <T extends Float64Array | Int32Array>(a: T, len: number): T => {
      const b = new (a.constructor as new (len: number) => T)(len);
      b.set(a);
      return b;
    };
    this.slot = more(this.slot, 4 * cap);
    this.cellX = more(this.cellX, cap);
    this.cellY = more(this.cellY, cap);
    this.cellW = more(this.cellW, cap);
    this.value = more(this.value, cap);
    this.weight = more(this.weight, cap);
    this.comX = more(this.comX, cap);
    this.comY = more(this.comY, cap);
  }

  private build(x: Float64Array, y: Float64Array): void {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < this.n; i++) {
      x0 = Math.min(x0, x[i]);
      y0 = Math.min(y0, y[i]);
      x1 = Math.max(x1, x[i]);
      y1 = Math.max(y1, y[i]);
    }
    const w = Math.max(x1 - x0, y1 - y0, 1) * 1.0001;
    this.cells = 0;
    // Cell (cx, cy) is its lower-left corner.
    this.newCell(x0, y0, w);
    for (let i = 0; i < this.n; i++) {
      this.insert(i, x, y);
    }
  }

  private insert(b: number, x: Float64Array, y: Float64Array): void {
    const bx = x[b];
    const by = y[b];
    let c = 0;
    let depth = 1;
    for (; ; depth++) {
      const h = this.cellW[c] / 2;
      const right = bx >= this.cellX[c] + h ? 1 : 0;
      const top = by >= this.cellY[c] + h ? 1 : 0;
      const s = 4 * c + right + 2 * top;
      const held = this.slot[s];
      if (3 * depth + 4 > this.stack.length) {
        this.stack = new Int32Array(2 * (3 * depth + 4));
      }
      if (held === EMPTY) {
        this.slot[s] = -b - 2;
        this.next[b] = EMPTY;
        return;
      }
      if (held >= 0) {
        c = held;
        continue;
      }
      const other = -held - 2;
      if (x[other] === bx && y[other] === by) {
        this.next[b] = other;
        this.slot[s] = -b - 2;
        return;
      }
      // Split the slot: the body already there moves one cell down, then the new one retries.
      const child = this.newCell(this.cellX[c] + right * h, this.cellY[c] + top * h, h);
      this.slot[s] = child;
      const q =
        child * 4 +
        (x[other] >= this.cellX[child] + h / 2 ? 1 : 0) +
        2 * (y[other] >= this.cellY[child] + h / 2 ? 1 : 0);
      this.slot[q] = -other - 2;
      c = child;
    }
  }

  private sum(x: Float64Array, y: Float64Array): void {
    for (let c = this.cells - 1; c >= 0; c--) {
      let value = 0;
      let weight = 0;
      let sx = 0;
      let sy = 0;
      for (let k = 4 * c; k < 4 * c + 4; k++) {
        const held = this.slot[k];
        if (held >= 0) {
          value += this.value[held];
          weight += this.weight[held];
          sx += this.weight[held] * this.comX[held];
          sy += this.weight[held] * this.comY[held];
        } else if (held !== EMPTY) {
          for (let b = -held - 2; b !== EMPTY; b = this.next[b]) {
            const a = Math.abs(this.strength[b]);
            value += this.strength[b];
            weight += a;
            sx += a * x[b];
            sy += a * y[b];
          }
        }
      }
      this.value[c] = value;
      this.weight[c] = weight;
      this.comX[c] = weight ? sx / weight : 0;
      this.comY[c] = weight ? sy / weight : 0;
    }
  }

  private push(i: number, x: Float64Array, y: Float64Array, vx: Float64Array, vy: Float64Array, alpha: number): void {
    const xi = x[i];
    const yi = y[i];
    const { slot, stack, theta2, distanceMax2 } = this;
    let fx = 0;
    let fy = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const c = stack[--top];
      const dx = this.comX[c] - xi;
      const dy = this.comY[c] - yi;
      let l = dx * dx + dy * dy;
      const w = this.cellW[c];
      if ((w * w) / theta2 < l) {
        if (l < distanceMax2) {
          if (l < 1) {
            l = Math.sqrt(l);
          }
          fx += (dx * this.value[c]) / l;
          fy += (dy * this.value[c]) / l;
        }
        continue;
      }
      for (let k = 4 * c; k < 4 * c + 4; k++) {
        const held = slot[k];
        if (held >= 0) {
          stack[top++] = held;
        } else if (held !== EMPTY) {
          for (let b = -held - 2; b !== EMPTY; b = this.next[b]) {
            if (b === i) {
              continue;
            }
            let ex = x[b] - xi;
            let ey = y[b] - yi;
            if (ex === 0 && ey === 0) {
              // Same point: a tiny push apart that depends only on the indices (deterministic).
              ex = (b - i) * 1e-6;
              ey = (i - b) * 0.5e-6;
            }
            let m = ex * ex + ey * ey;
            if (m >= distanceMax2) {
              continue;
            }
            if (m < 1) {
              m = Math.sqrt(m);
            }
            fx += (ex * this.strength[b]) / m;
            fy += (ey * this.strength[b]) / m;
          }
        }
      }
    }
    vx[i] += fx * alpha;
    vy[i] += fy * alpha;
  }
}
