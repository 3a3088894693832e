import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Tree } from '../graph/hierarchy';
import type { LevelView } from '../graph/levelView';

/** World distance between neighbouring nodes inside an open group. */
export const LEAF_SPACING = 44;
/** Gap between sibling groups, and padding inside a group's region. */
const GAP = 30;
const GOLDEN = Math.PI * (3 - Math.sqrt(5));
/** Deepest groups up to this size get a force-directed settle when opened. */
const SETTLE_MAX = 80;

interface Body extends SimulationNodeDatum {
  r: number;
}

/** Region radius reserved for a deepest group of `k` nodes: their hex packing, with room to settle. */
export function leafRegion(k: number): number {
  return 0.62 * LEAF_SPACING * Math.sqrt(k) + LEAF_SPACING;
}

/**
 * A stable hierarchical layout. Every group reserves a disc big enough for its members, and the
 * members of a group are laid out relative to its centre, inside that disc: so opening a group
 * puts its members where the group was, and nothing else moves. Groups are placed once, bottom-up
 * from the estimated size of the deepest groups (cheap: one body per group); the nodes of a deepest
 * group are only laid out when it is first opened.
 */
export class LevelsLayout {
  private readonly rel: Float32Array;
  private readonly abs: Float32Array;
  readonly radius: Float32Array;
  private readonly leafXY = new Map<number, Float32Array>();
  /** Per parent group (-1 the top), links between its children weighted by edge count. */
  private readonly siblingLinks = new Map<number, Map<number, number>>();
  /** Per deepest group, the edges between its own nodes (indices into the graph's edges). */
  private readonly innerEdges = new Map<number, number[]>();
  /** Time the placement of the groups took, for the status line. */
  readonly ms: number;

  constructor(
    private readonly tree: Tree,
    private readonly sources: Int32Array,
    private readonly targets: Int32Array
  ) {
    const t0 = performance.now();
    const G = tree.groups.length;
    this.rel = new Float32Array(2 * G);
    this.abs = new Float32Array(2 * G);
    this.radius = new Float32Array(G);
    this.indexEdges();
    for (let l = tree.levels.length - 1; l >= 0; l--) {
      tree.groups.forEach((g, gi) => {
        if (g.level !== l) {
          return;
        }
        this.radius[gi] = g.children.length ? this.pack(g.children, gi) : leafRegion(g.leaves.length);
      });
    }
    this.pack(tree.roots, -1);
    tree.groups.forEach((g, gi) => {
      // Parents precede their children in tree.groups, so their absolute position is known.
      const px = g.parent < 0 ? 0 : this.abs[2 * g.parent];
      const py = g.parent < 0 ? 0 : this.abs[2 * g.parent + 1];
      this.abs[2 * gi] = px + this.rel[2 * gi];
      this.abs[2 * gi + 1] = py + this.rel[2 * gi + 1];
    });
    this.ms = performance.now() - t0;
  }

  center(g: number): [number, number] {
    return [this.abs[2 * g], this.abs[2 * g + 1]];
  }

  /** World positions of the view's nodes: groups at their centre, nodes of open groups inside them. */
  positions(view: LevelView): Float32Array {
    const n = view.graph.nodes.length;
    const xy = new Float32Array(2 * n);
    const L = this.tree.levels.length;
    for (let v = 0; v < n; v++) {
      const g = view.groupOf[v];
      if (g >= 0) {
        xy[2 * v] = this.abs[2 * g];
        xy[2 * v + 1] = this.abs[2 * g + 1];
        continue;
      }
      const leaf = view.leafOf[v];
      if (L === 0) {
        continue;
      }
      const deep = this.tree.chain[leaf * L + L - 1];
      const local = this.leaves(deep);
      const k = this.leafSlot(deep, leaf);
      xy[2 * v] = this.abs[2 * deep] + local[2 * k];
      xy[2 * v + 1] = this.abs[2 * deep + 1] + local[2 * k + 1];
    }
    return xy;
  }

  private slots = new Map<number, Map<number, number>>();

  private leafSlot(deep: number, leaf: number): number {
    let s = this.slots.get(deep);
    if (!s) {
      s = new Map(this.tree.groups[deep].leaves.map((x, k) => [x, k]));
      this.slots.set(deep, s);
    }
    return s.get(leaf)!;
  }

  private indexEdges() {
    const { chain, levels } = this.tree;
    const L = levels.length;
    for (let k = 0; k < this.sources.length; k++) {
      const a = this.sources[k];
      const b = this.targets[k];
      let l = 0;
      while (l < L && chain[a * L + l] === chain[b * L + l]) {
        l++;
      }
      if (l === L) {
        if (L > 0) {
          const g = chain[a * L + L - 1];
          const list = this.innerEdges.get(g);
          list ? list.push(k) : this.innerEdges.set(g, [k]);
        }
        continue;
      }
      const parent = l === 0 ? -1 : chain[a * L + l - 1];
      const ga = chain[a * L + l];
      const gb = chain[b * L + l];
      let links = this.siblingLinks.get(parent);
      if (!links) {
        links = new Map();
        this.siblingLinks.set(parent, links);
      }
      const key = ga < gb ? ga * this.tree.groups.length + gb : gb * this.tree.groups.length + ga;
      links.set(key, (links.get(key) ?? 0) + 1);
    }
  }

  /**
   * Places sibling groups as discs that never overlap (collision on their reserved radius), the
   * ones that talk to each other pulled together. Returns the radius of the region they fill.
   */
  private pack(children: number[], parent: number): number {
    const G = this.tree.groups.length;
    const order = [...children].sort((a, b) => this.radius[b] - this.radius[a] || a - b);
    let area = 0;
    const bodies: Body[] = order.map((g, j) => {
      // A sunflower by decreasing size: close to packed before the first tick.
      area += this.radius[g] ** 2;
      const d = Math.sqrt(area) * 1.2 * (j === 0 ? 0 : 1);
      return { r: this.radius[g], x: d * Math.cos(j * GOLDEN), y: d * Math.sin(j * GOLDEN) };
    });
    const slot = new Map(order.map((g, j) => [g, j]));
    const links: Array<{ source: number; target: number; w: number }> = [];
    this.siblingLinks.get(parent)?.forEach((w, key) => {
      const a = slot.get(Math.floor(key / G));
      const b = slot.get(key % G);
      if (a !== undefined && b !== undefined) {
        links.push({ source: a, target: b, w });
      }
    });
    if (bodies.length > 1) {
      const maxW = Math.max(1, ...links.map((l) => l.w));
      const sim = forceSimulation(bodies)
        .force(
          'link',
          forceLink<Body, { source: number; target: number; w: number }>(links)
            .distance((l) => (l.source as unknown as Body).r + (l.target as unknown as Body).r + GAP)
            .strength((l) => 0.05 + 0.25 * Math.sqrt(l.w / maxW))
        )
        .force('x', forceX(0).strength(0.04))
        .force('y', forceY(0).strength(0.04))
        .stop();
      // Exact separation between short runs instead of d3's collision force: radii differ tenfold
      // between groups, which makes its quadtree visit nearly every pair.
      for (let t = 0; t < 80; t += 10) {
        sim.tick(10);
        separate(bodies, 4);
      }
      separate(bodies, 100);
    }
    let cx = 0;
    let cy = 0;
    let w = 0;
    for (const b of bodies) {
      cx += b.x! * b.r * b.r;
      cy += b.y! * b.r * b.r;
      w += b.r * b.r;
    }
    cx /= w || 1;
    cy /= w || 1;
    let extent = 0;
    order.forEach((g, j) => {
      const b = bodies[j];
      this.rel[2 * g] = b.x! - cx;
      this.rel[2 * g + 1] = b.y! - cy;
      extent = Math.max(extent, Math.hypot(b.x! - cx, b.y! - cy) + b.r);
    });
    return extent + GAP;
  }

  /** Positions of a deepest group's nodes relative to its centre, laid out on first use. */
  private leaves(deep: number): Float32Array {
    let xy = this.leafXY.get(deep);
    if (!xy) {
      xy = this.layoutLeaves(deep);
      this.leafXY.set(deep, xy);
    }
    return xy;
  }

  private layoutLeaves(deep: number): Float32Array {
    const leaves = this.tree.groups[deep].leaves;
    const k = leaves.length;
    const slot = new Map(leaves.map((x, j) => [x, j]));
    const links = (this.innerEdges.get(deep) ?? []).map((e) => ({
      source: slot.get(this.sources[e])!,
      target: slot.get(this.targets[e])!,
    }));
    // Start on a sunflower in breadth-first order from the busiest node: neighbours start close.
    const order = bfsOrder(k, links);
    const bodies: Body[] = new Array(k);
    const inner = this.radius[deep] - LEAF_SPACING / 2;
    const step = Math.min(LEAF_SPACING * 0.95, inner / Math.sqrt(k));
    order.forEach((j, rank) => {
      const d = step * Math.sqrt(rank + 0.5);
      bodies[j] = { r: LEAF_SPACING / 2, x: d * Math.cos(rank * GOLDEN), y: d * Math.sin(rank * GOLDEN) };
    });
    // Small groups settle with a short simulation; big ones keep the sunflower (Barnes-Hut charge
    // costs ~0.3 ms per node and tick here, too slow to open 500 nodes within 100 ms).
    if (k > 1 && k <= SETTLE_MAX) {
      forceSimulation(bodies)
        .alpha(0.5)
        .force('link', forceLink(links).distance(LEAF_SPACING).strength(0.2))
        .force(
          'charge',
          forceManyBody()
            .strength(-40)
            .distanceMax(LEAF_SPACING * 4)
            .theta(1.2)
        )
        .force('keep', keepInside(inner))
        .stop()
        .tick(40);
      // Springs pull the group together: scale it back out to fill its region, shape kept.
      const extent = Math.max(...bodies.map((b) => Math.hypot(b.x!, b.y!)));
      const f = extent > 0 ? inner / extent : 1;
      for (const b of bodies) {
        b.x! *= f;
        b.y! *= f;
      }
    }
    const xy = new Float32Array(2 * k);
    bodies.forEach((b, j) => {
      xy[2 * j] = b.x!;
      xy[2 * j + 1] = b.y!;
    });
    return xy;
  }
}

/**
 * Pushes overlapping discs apart exactly, after the simulation's soft collisions: a sweep along x,
 * so each pass only compares discs whose x ranges can meet.
 */
function separate(bodies: Body[], passes: number) {
  const maxR = Math.max(...bodies.map((b) => b.r));
  for (let pass = 0; pass < passes; pass++) {
    const order = bodies.map((_, i) => i).sort((i, j) => bodies[i].x! - bodies[j].x!);
    let moved = false;
    for (let p = 0; p < order.length; p++) {
      const a = bodies[order[p]];
      for (let q = p + 1; q < order.length; q++) {
        const b = bodies[order[q]];
        if (b.x! - a.x! > a.r + maxR + GAP) {
          break;
        }
        const dx = b.x! - a.x!;
        const dy = b.y! - a.y!;
        const d = Math.hypot(dx, dy) || 1e-6;
        const need = a.r + b.r + GAP / 2;
        if (d < need) {
          const push = (need - d) / 2 + 0.01;
          a.x! -= (dx / d) * push;
          a.y! -= (dy / d) * push;
          b.x! += (dx / d) * push;
          b.y! += (dy / d) * push;
          moved = true;
        }
      }
    }
    if (!moved) {
      return;
    }
  }
}

function keepInside(r: number) {
  let nodes: Body[] = [];
  const force = () => {
    for (const b of nodes) {
      const d = Math.hypot(b.x!, b.y!);
      if (d > r) {
        b.x! *= r / d;
        b.y! *= r / d;
      }
    }
  };
  force.initialize = (n: Body[]) => {
    nodes = n;
  };
  return force;
}

function bfsOrder(k: number, links: Array<{ source: number; target: number }>): number[] {
  const nb: number[][] = Array.from({ length: k }, () => []);
  for (const l of links) {
    nb[l.source].push(l.target);
    nb[l.target].push(l.source);
  }
  const byDegree = Array.from({ length: k }, (_, i) => i).sort((a, b) => nb[b].length - nb[a].length || a - b);
  const seen = new Uint8Array(k);
  const order: number[] = [];
  for (const start of byDegree) {
    if (seen[start]) {
      continue;
    }
    seen[start] = 1;
    order.push(start);
    for (let q = order.length - 1; q < order.length; q++) {
      for (const w of nb[order[q]]) {
        if (!seen[w]) {
          seen[w] = 1;
          order.push(w);
        }
      }
    }
  }
  return order;
}
