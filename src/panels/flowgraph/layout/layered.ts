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
  for (let sweep = 0; sweep < 8; sweep++) {
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
  }
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
