/** One level of a multilevel layout: a graph whose nodes each stand for one or more finer nodes. */
export interface Level {
  n: number;
  sources: Int32Array;
  targets: Int32Array;
  /** How many original nodes each node stands for (drives repulsion and link length). */
  mass: Float32Array;
  /** For each node of the finer level, its node in this level (absent on the finest level). */
  parentOf?: Int32Array;
}

/**
 * Heavy-edge matching: each node merges with its lightest unmatched neighbour, so clusters shrink
 * evenly. Each level roughly halves the graph; hubs stay alone, which keeps stars from collapsing.
 */
export function coarsen(level: Level): Level {
  const { n, sources, targets, mass } = level;
  const degStart = new Int32Array(n + 1);
  for (let k = 0; k < sources.length; k++) {
    degStart[sources[k] + 1]++;
    degStart[targets[k] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    degStart[i + 1] += degStart[i];
  }
  const fill = degStart.slice(0, n);
  const nb = new Int32Array(2 * sources.length);
  for (let k = 0; k < sources.length; k++) {
    nb[fill[sources[k]]++] = targets[k];
    nb[fill[targets[k]]++] = sources[k];
  }
  const parent = new Int32Array(n).fill(-1);
  let next = 0;
  for (let v = 0; v < n; v++) {
    if (parent[v] >= 0) {
      continue;
    }
    let best = -1;
    for (let k = degStart[v]; k < degStart[v + 1]; k++) {
      const w = nb[k];
      if (w !== v && parent[w] < 0 && (best < 0 || mass[w] < mass[best])) {
        best = w;
      }
    }
    parent[v] = next;
    if (best >= 0) {
      parent[best] = next;
    }
    next++;
  }
  const coarseMass = new Float32Array(next);
  for (let v = 0; v < n; v++) {
    coarseMass[parent[v]] += mass[v];
  }
  const seen = new Set<number>();
  const s: number[] = [];
  const t: number[] = [];
  for (let k = 0; k < sources.length; k++) {
    const a = parent[sources[k]];
    const b = parent[targets[k]];
    if (a === b) {
      continue;
    }
    const key = a < b ? a * next + b : b * next + a;
    if (!seen.has(key)) {
      seen.add(key);
      s.push(a);
      t.push(b);
    }
  }
  return { n: next, sources: Int32Array.from(s), targets: Int32Array.from(t), mass: coarseMass, parentOf: parent };
}
