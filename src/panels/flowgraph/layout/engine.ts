import { multilevelForce, relax } from './force';
import { layeredLayout } from './layered';
import { INCREMENTAL_MIN_KNOWN, LAYERED_MAX_NODES, type LayoutInput, type LayoutOutput } from './types';

function known(seed: Float32Array | undefined, i: number): boolean {
  return seed !== undefined && Number.isFinite(seed[2 * i]) && Number.isFinite(seed[2 * i + 1]);
}

/**
 * The whole layout decision in one pure function (the worker only wraps it): keep known positions
 * when most nodes have one, else lay out afresh with the engine that fits the size.
 */
export function computeLayout(input: LayoutInput, onProgress?: (done: number) => void): LayoutOutput {
  const { n, sources, targets, seed, mode, groups } = input;
  let knownCount = 0;
  for (let i = 0; i < n; i++) {
    knownCount += known(seed, i) ? 1 : 0;
  }
  if (n > 0 && knownCount / n >= INCREMENTAL_MIN_KNOWN) {
    return { positions: placeNewcomers(input), engine: 'incremental' };
  }
  const layered = mode === 'layered' || (mode === 'auto' && n <= LAYERED_MAX_NODES);
  if (layered) {
    return { positions: layeredLayout(n, sources, targets, groups), engine: 'layered' };
  }
  return { positions: multilevelForce(n, sources, targets, onProgress), engine: 'force' };
}

/**
 * Nodes that kept a position stay exactly there; each newcomer starts at the mean of its placed
 * neighbours and settles with a short simulation among newcomers and those neighbours only.
 */
export function placeNewcomers({ n, sources, targets, seed }: LayoutInput): Float32Array {
  const xy = new Float32Array(2 * n);
  const fixed = new Uint8Array(n);
  const sum = new Float64Array(2 * n);
  const cnt = new Uint32Array(n);
  let cx = 0;
  let cy = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (known(seed, i)) {
      fixed[i] = 1;
      xy[2 * i] = seed![2 * i];
      xy[2 * i + 1] = seed![2 * i + 1];
      cx += xy[2 * i];
      cy += xy[2 * i + 1];
      k++;
    }
  }
  cx = k ? cx / k : 0;
  cy = k ? cy / k : 0;
  for (let e = 0; e < sources.length; e++) {
    for (const [a, b] of [
      [sources[e], targets[e]],
      [targets[e], sources[e]],
    ]) {
      if (!fixed[a] && fixed[b]) {
        sum[2 * a] += xy[2 * b];
        sum[2 * a + 1] += xy[2 * b + 1];
        cnt[a]++;
      }
    }
  }
  const sub: number[] = [];
  const inSub = new Int32Array(n).fill(-1);
  const take = (i: number) => {
    if (inSub[i] < 0) {
      inSub[i] = sub.length;
      sub.push(i);
    }
  };
  for (let i = 0; i < n; i++) {
    if (!fixed[i]) {
      const a = (i * 2.399963) % (2 * Math.PI);
      xy[2 * i] = (cnt[i] ? sum[2 * i] / cnt[i] : cx) + 30 * Math.cos(a);
      xy[2 * i + 1] = (cnt[i] ? sum[2 * i + 1] / cnt[i] : cy) + 30 * Math.sin(a);
      take(i);
    }
  }
  if (sub.length === 0) {
    return xy;
  }
  const s: number[] = [];
  const t: number[] = [];
  for (let e = 0; e < sources.length; e++) {
    if (!fixed[sources[e]] || !fixed[targets[e]]) {
      take(sources[e]);
      take(targets[e]);
      s.push(inSub[sources[e]]);
      t.push(inSub[targets[e]]);
    }
  }
  const local = new Float32Array(2 * sub.length);
  const localFixed = new Uint8Array(sub.length);
  sub.forEach((i, j) => {
    local[2 * j] = xy[2 * i];
    local[2 * j + 1] = xy[2 * i + 1];
    localFixed[j] = fixed[i];
  });
  relax(
    {
      n: sub.length,
      sources: Int32Array.from(s),
      targets: Int32Array.from(t),
      mass: new Float32Array(sub.length).fill(1),
    },
    local,
    60,
    0.5,
    localFixed
  );
  sub.forEach((i, j) => {
    xy[2 * i] = local[2 * j];
    xy[2 * i + 1] = local[2 * j + 1];
  });
  return xy;
}
