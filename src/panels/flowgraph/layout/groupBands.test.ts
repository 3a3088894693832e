import { groupBoxes } from '../render/scene';
import { layeredLayout } from './layered';

/**
 * Four groups whose members sit in every layer and call across groups, so the crossing-reduced
 * order interleaves them: a chain per group, each node also calling the next group's next node.
 */
function interleaved(groupCount: number, depth: number) {
  const n = groupCount * depth;
  const node = (g: number, d: number) => d * groupCount + g;
  const s: number[] = [];
  const t: number[] = [];
  for (let d = 0; d + 1 < depth; d++) {
    for (let g = 0; g < groupCount; g++) {
      s.push(node(g, d), node(g, d));
      t.push(node(g, d + 1), node((g + d + 1) % groupCount, d + 1));
    }
  }
  const groups = Int32Array.from({ length: n }, (_, v) => (v % 5 === 4 ? -1 : v % groupCount));
  return { n, sources: Int32Array.from(s), targets: Int32Array.from(t), groups };
}

function overlapping(xy: Float32Array, groups: Int32Array): string[] {
  const keys = Array.from(groups, (g) => (g < 0 ? undefined : `team-${g}`));
  const boxes = groupBoxes(xy, keys, new Uint8Array(groups.length).fill(1), () => '#000');
  const hits: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const r = a.rect;
      const q = b.rect;
      if (r.x0 < q.x1 && q.x0 < r.x1 && r.y0 < q.y1 && q.y0 < r.y1) {
        hits.push(`${a.key}/${b.key}`);
      }
    })
  );
  return hits;
}

describe('layeredLayout with groups', () => {
  const g = interleaved(4, 6);

  it('draws group boxes that overlap when it is not told the groups', () => {
    // the fixture is a real test of the bands: without them its boxes do overlap
    expect(overlapping(layeredLayout(g.n, g.sources, g.targets), g.groups).length).toBeGreaterThan(0);
  });

  it('gives every group a band of its own, so no two group boxes overlap', () => {
    const xy = layeredLayout(g.n, g.sources, g.targets, g.groups);
    expect(xy.every(Number.isFinite)).toBe(true);
    expect(overlapping(xy, g.groups)).toEqual([]);
  });

  it('keeps calls left to right and the layers as columns', () => {
    const plain = layeredLayout(g.n, g.sources, g.targets);
    const xy = layeredLayout(g.n, g.sources, g.targets, g.groups);
    for (let k = 0; k < g.sources.length; k++) {
      expect(xy[2 * g.sources[k]]).toBeLessThan(xy[2 * g.targets[k]]);
    }
    for (let v = 0; v < g.n; v++) {
      expect(xy[2 * v]).toBe(plain[2 * v]);
    }
  });

  it('keeps nodes apart within a column', () => {
    const xy = layeredLayout(g.n, g.sources, g.targets, g.groups);
    const seen = new Set<string>();
    for (let v = 0; v < g.n; v++) {
      seen.add(`${xy[2 * v]},${xy[2 * v + 1]}`);
    }
    expect(seen.size).toBe(g.n);
  });

  it('lays out exactly as before when no node has a group', () => {
    const plain = layeredLayout(g.n, g.sources, g.targets);
    expect(layeredLayout(g.n, g.sources, g.targets, new Int32Array(g.n).fill(-1))).toEqual(plain);
    expect(layeredLayout(g.n, g.sources, g.targets, undefined)).toEqual(plain);
  });
});
