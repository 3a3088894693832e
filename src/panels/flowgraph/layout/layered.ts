/**
 * Layered layout for small graphs: calls read left to right. Cycles are broken by reversing DFS
 * back edges, layers come from the longest path, and a few barycentric sweeps order each layer to
 * cut crossings. No dummy nodes: long edges pull on the barycentre directly, which is good enough
 * at the sizes this runs on and keeps it linear per sweep.
 */
export function layeredLayout(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  groups?: Int32Array,
  spacing = { x: 220, y: 70 }
): Float32Array {
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < sources.length; k++) {
    out[sources[k]].push(targets[k]);
  }
  const dag = acyclic(n, out);
  for (let v = 0; v < n; v++) {
    for (const w of dag[v]) {
      inn[w].push(v);
    }
  }
  const layer = longestPath(n, dag, inn);
  const layers: number[][] = [];
  for (let v = 0; v < n; v++) {
    (layers[layer[v]] ??= []).push(v);
  }
  const pos = new Float64Array(n);
  layers.forEach((l) => l.forEach((v, i) => (pos[v] = i)));
  // Crossings as drawn (straight lines, long edges included), which the sweeps do not always lower:
  // keep the best order any sweep reached, then the neighbour swaps if they lower it further.
  const crossings = () => segmentCrossings(placed(layers, n, spacing), dag);
  let best = layers.map((l) => [...l]);
  let fewest = crossings();
  for (let sweep = 0; sweep < 8 && fewest > 0; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers : [...layers].reverse();
    for (const l of order) {
      const bary = l.map((v) => {
        const nb = down ? inn[v] : dag[v];
        return nb.length ? nb.reduce((s, w) => s + pos[w], 0) / nb.length : pos[v];
      });
      const idx = l.map((_, i) => i).sort((a, b) => bary[a] - bary[b] || a - b);
      const sorted = idx.map((i) => l[i]);
      sorted.forEach((v, i) => (pos[v] = i));
      l.splice(0, l.length, ...sorted);
    }
    const c = crossings();
    if (c < fewest) {
      fewest = c;
      best = layers.map((x) => [...x]);
    }
  }
  best.forEach((l, li) => {
    layers[li] = [...l];
    l.forEach((v, i) => (pos[v] = i));
  });
  transpose(layers, dag, inn, pos, layer);
  if (crossings() > fewest) {
    best.forEach((l, li) => (layers[li] = l));
  }
  if (groups && groups.some((g) => g >= 0)) {
    return banded(layers, n, groups, spacing);
  }
  return placed(layers, n, spacing);
}

/**
 * Places each group (`groups[v]`, -1 for none; the ungrouped nodes make one band of their own) in
 * a horizontal band of its own, so the boxes drawn around groups are disjoint in y and never
 * overlap. Bands are stacked by the mean height their members had after crossing reduction, and
 * within a band each layer keeps that order, so most of the crossing work survives.
 */
function banded(layers: number[][], n: number, groups: Int32Array, spacing: { x: number; y: number }): Float32Array {
  const xy = placed(layers, n, spacing);
  const sum = new Map<number, { y: number; count: number }>();
  for (let v = 0; v < n; v++) {
    const s = sum.get(groups[v]) ?? { y: 0, count: 0 };
    s.y += xy[2 * v + 1];
    s.count++;
    sum.set(groups[v], s);
  }
  const bands = [...sum.keys()].sort(
    (a, b) => sum.get(a)!.y / sum.get(a)!.count - sum.get(b)!.y / sum.get(b)!.count || a - b
  );
  // Rows each band needs: its most members in any one layer.
  const rows = new Map(bands.map((g) => [g, 0]));
  const members = layers.map((l) => {
    const byBand = new Map<number, number[]>();
    l.forEach((v) => (byBand.get(groups[v]) ?? byBand.set(groups[v], []).get(groups[v])!).push(v));
    byBand.forEach((vs, g) => rows.set(g, Math.max(rows.get(g)!, vs.length)));
    return byBand;
  });
  // One empty row between bands: boxes pad their members by less than half a row, so neighbouring
  // boxes stay apart by more than both pads.
  const start = new Map<number, number>();
  let row = 0;
  for (const g of bands) {
    start.set(g, row);
    row += rows.get(g)! + 1;
  }
  const off = ((row - 2) * spacing.y) / 2;
  members.forEach((byBand, li) =>
    byBand.forEach((vs, g) => {
      // centred in the band, so a layer with few members does not pull every edge to the band's top
      const first = start.get(g)! + (rows.get(g)! - vs.length) / 2;
      vs.forEach((v, i) => {
        xy[2 * v] = li * spacing.x;
        xy[2 * v + 1] = (first + i) * spacing.y - off;
      });
    })
  );
  return xy;
}

function placed(layers: number[][], n: number, spacing: { x: number; y: number }): Float32Array {
  const xy = new Float32Array(2 * n);
  layers.forEach((l, li) => {
    const off = ((l.length - 1) * spacing.y) / 2;
    l.forEach((v, i) => {
      xy[2 * v] = li * spacing.x;
      xy[2 * v + 1] = i * spacing.y - off;
    });
  });
  return xy;
}

/** Pairs of edges (`out[v]` lists v's targets) whose straight lines cross; edges sharing an end do not count. */
export function segmentCrossings(xy: Float32Array, out: Array<ArrayLike<number>>): number {
  const s: number[] = [];
  const t: number[] = [];
  out.forEach((ws, v) => Array.from(ws).forEach((w) => (s.push(v), t.push(w))));
  const m = s.length;
  const x0 = new Float64Array(m);
  const x1 = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    x0[e] = Math.min(xy[2 * s[e]], xy[2 * t[e]]);
    x1[e] = Math.max(xy[2 * s[e]], xy[2 * t[e]]);
  }
  const side = (p: number, q: number, r: number) =>
    Math.sign(
      (xy[2 * q] - xy[2 * p]) * (xy[2 * r + 1] - xy[2 * p + 1]) -
        (xy[2 * q + 1] - xy[2 * p + 1]) * (xy[2 * r] - xy[2 * p])
    );
  let c = 0;
  for (let a = 0; a < m; a++) {
    const p = s[a];
    const q = t[a];
    for (let b = a + 1; b < m; b++) {
      // only lines that share some of the x range can cross (most pairs end here)
      if (x1[b] <= x0[a] || x0[b] >= x1[a]) {
        continue;
      }
      const r = s[b];
      const u = t[b];
      if (
        p !== r &&
        p !== u &&
        q !== r &&
        q !== u &&
        side(p, q, r) * side(p, q, u) < 0 &&
        side(r, u, p) * side(r, u, q) < 0
      ) {
        c++;
      }
    }
  }
  return c;
}

/**
 * Swaps neighbours in a layer while that lowers the crossings with the layers on both sides (the
 * sweeps move nodes by averages and leave such local gains behind).
 */
function transpose(layers: number[][], dag: number[][], inn: number[][], pos: Float64Array, layer: Int32Array) {
  /** Crossings between the edges of u and of w (u above w) to one side. */
  const pair = (u: number, w: number, side: number[][]) => {
    let c = 0;
    for (const a of side[u]) {
      for (const b of side[w]) {
        // only ends on the same layer can be compared by their place in it
        c += layer[a] === layer[b] && pos[a] > pos[b] ? 1 : 0;
      }
    }
    return c;
  };
  for (let pass = 0, improved = true; pass < 8 && improved; pass++) {
    improved = false;
    for (const l of layers) {
      for (let i = 0; i + 1 < l.length; i++) {
        const u = l[i];
        const w = l[i + 1];
        const now = pair(u, w, inn) + pair(u, w, dag);
        const swapped = pair(w, u, inn) + pair(w, u, dag);
        if (swapped < now) {
          l[i] = w;
          l[i + 1] = u;
          pos[w] = i;
          pos[u] = i + 1;
          improved = true;
        }
      }
    }
  }
}

/** Edges of the graph with DFS back edges reversed (iterative: deep call chains must not overflow). */
function acyclic(n: number, out: number[][]): number[][] {
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const dag: number[][] = Array.from({ length: n }, () => []);
  for (let root = 0; root < n; root++) {
    if (state[root]) {
      continue;
    }
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k >= out[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const w = out[v][k];
      if (state[w] === 1) {
        if (w !== v) {
          dag[w].push(v);
        }
      } else {
        dag[v].push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      }
    }
  }
  return dag;
}

function longestPath(n: number, dag: number[][], inn: number[][]): Int32Array {
  const layer = new Int32Array(n);
  const pending = new Int32Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    pending[v] = inn[v].length;
    if (pending[v] === 0) {
      queue.push(v);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of dag[v]) {
      layer[w] = Math.max(layer[w], layer[v] + 1);
      if (--pending[w] === 0) {
        queue.push(w);
      }
    }
  }
  return layer;
}
