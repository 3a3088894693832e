import type { DataFrame, FieldType } from '@grafana/data';

// Type-only import: browser tests bundle this file into plain frames without @grafana/data.
const STRING = 'string' as FieldType.string;
const NUMBER = 'number' as FieldType.number;

/** Deterministic PRNG so tests and benches see the same graph every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['payments', 'checkout', 'search', 'identity', 'platform', 'data', 'mobile', 'growth', 'ads', 'support'];
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

const str = (name: string, values: unknown[], displayName?: string) => ({
  name,
  type: STRING,
  config: displayName ? { displayName } : {},
  values,
});
const num = (name: string, values: unknown[], unit?: string) => ({
  name,
  type: NUMBER,
  config: unit ? { unit } : {},
  values,
});

interface EdgeColumns {
  src: string[];
  dst: string[];
  bytes: number[];
  share: number[];
  cross: Array<string | null>;
  cost: Array<number | null>;
  diff: string[];
  requests?: number[];
  errors?: number[];
}

/** The edges frame of both generators, as the data source writes it. */
function edgesFrame(c: EdgeColumns): DataFrame {
  return {
    name: 'edges',
    length: c.src.length,
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [
      str(
        'id',
        c.src.map((s, i) => `${s}->${c.dst[i]}`)
      ),
      str('source', c.src),
      str('target', c.dst),
      num('mainstat', c.bytes, 'Bps'),
      num('detail__bytes', c.bytes, 'Bps'),
      ...(c.requests ? [num('detail__requests', c.requests, 'reqps')] : []),
      ...(c.errors ? [num('detail__errors', c.errors, 'reqps')] : []),
      num('detail__error_share', c.share, 'percentunit'),
      str('detail__cross_zone', c.cross, 'Cross-zone'),
      num('detail__cost', c.cost, 'currencyUSD'),
      str('detail__diff', c.diff, 'Change'),
    ],
  };
}

/** The nodes frame of both generators: ids `svc-0..n-1`, titled by id, then the generator's own fields. */
function nodesFrame(n: number, fields: DataFrame['fields']): DataFrame {
  const ids = Array.from({ length: n }, (_, i) => `svc-${i}`);
  return {
    name: 'nodes',
    length: n,
    meta: { preferredVisualisationType: 'nodeGraph' },
    fields: [str('id', ids), str('title', ids), ...fields],
  };
}

/**
 * About `n * edgesPerNode` distinct calls between `n` services. `pickCallee` says whom a caller calls
 * with its own draws from `r`, so each generator keeps its random sequence; traffic, error share,
 * zone cost and diff are drawn alike for both. `traffic` adds the requests and errors columns.
 */
function randomEdges(
  r: () => number,
  n: number,
  edgesPerNode: number,
  zone: string[],
  pickCallee: (caller: number) => number,
  traffic: boolean
): EdgeColumns {
  const src: string[] = [];
  const dst: string[] = [];
  const bytes: number[] = [];
  const requests: number[] = [];
  const errors: number[] = [];
  const share: number[] = [];
  const cost: Array<number | null> = [];
  const cross: Array<string | null> = [];
  const diff: string[] = [];
  const seen = new Set<number>();
  const m = Math.round(n * edgesPerNode);
  for (let k = 0, tries = 0; k < m && tries < m * 5; tries++) {
    const a = Math.floor(r() * n);
    const b = pickCallee(a);
    if (a === b || seen.has(a * n + b)) {
      continue;
    }
    seen.add(a * n + b);
    k++;
    src.push(`svc-${a}`);
    dst.push(`svc-${b}`);
    const v = Math.round(1e3 * Math.exp(r() * 12));
    const req = Math.round(v / 2000) + 1;
    const bad = r() < 0.9 ? 0 : Math.round(r() * 200) / 1000;
    bytes.push(v);
    requests.push(req);
    share.push(bad);
    errors.push(Math.round(req * bad * 100) / 100);
    const isCross = zone[a] !== zone[b];
    cross.push(isCross ? `${zone[a]} → ${zone[b]}` : null);
    cost.push(isCross ? Math.round(v * 3600 * 24 * 0.01e-9 * 100) / 100 : null);
    const d = r();
    diff.push(d < 0.03 ? 'new' : d < 0.05 ? 'vanished' : d < 0.1 ? 'changed' : 'same');
  }
  return { src, dst, bytes, share, cross, cost, diff, ...(traffic ? { requests, errors } : {}) };
}

export interface SyntheticOptions {
  nodes: number;
  edgesPerNode?: number;
  seed?: number;
}

/**
 * A service estate shaped like real ones: namespaces of 10-60 services owned by one team, most
 * calls inside a namespace, most others to three shared platform namespaces, one chaos run, some diff.
 */
export function syntheticFrames({ nodes: n, edgesPerNode = 3, seed = 1 }: SyntheticOptions): DataFrame[] {
  const r = rng(seed);
  const ns: string[] = [];
  const team: string[] = [];
  const zone: string[] = [];
  const nsStart: number[] = [];
  let nsIndex = -1;
  for (let i = 0; i < n; i++) {
    if (nsIndex < 0 || (i - nsStart[nsIndex] > 10 && r() < 1 / 30)) {
      nsIndex++;
      nsStart.push(i);
    }
    ns.push(`ns-${nsIndex}`);
    team.push(TEAMS[nsIndex % TEAMS.length]);
    zone.push(ZONES[Math.floor(r() * ZONES.length)]);
  }
  // 85% of calls stay in the namespace; most others go to the shared platform namespaces.
  const pickCallee = (a: number) => {
    const dice = r();
    const nsNo =
      dice < 0.85 ? Number(ns[a].slice(3)) : dice < 0.97 ? Math.floor(r() * Math.min(3, nsStart.length)) : -1;
    const lo = nsNo >= 0 ? nsStart[nsNo] : 0;
    const hi = nsNo >= 0 ? (nsStart[nsNo + 1] ?? n) : n;
    return lo + Math.floor(r() * (hi - lo));
  };
  const edges = randomEdges(r, n, edgesPerNode, zone, pickCallee, false);
  const chaos = new Array<string | null>(n).fill(null);
  if (n > 0) {
    chaos[Math.floor(n / 2)] = 'target: pod-kill';
  }
  return [
    nodesFrame(n, [
      str('subtitle', ns),
      str('detail__team', team, 'Team'),
      str(
        'detail__owner',
        team.map((t) => `group:default/${t}`),
        'Owner'
      ),
      str('detail__namespace', ns, 'Namespace'),
      str('detail__zone', zone, 'Zone'),
      str('detail__chaos', chaos, 'Chaos'),
    ]),
    edgesFrame(edges),
  ];
}

export interface EstateOptions {
  nodes: number;
  edgesPerNode?: number;
  seed?: number;
  /** Size of one namespace in the first cluster, for timing the opening of a big group. */
  bigNamespace?: number;
}

/**
 * A larger estate for the levels of the map: clusters of about 1,250 workloads, each made of
 * namespaces of heavy-tailed size (most 5–30, a few up to 200, one of `bigNamespace`), and calls
 * with a heavy-tailed in-degree (a few hubs per namespace take most calls): three quarters stay in
 * the namespace, most others go to the cluster's first namespaces (its platform), a few cross
 * clusters. Edges carry bytes, requests, errors, cost, zone and diff like the data source's.
 */
export function estateFrames({ nodes: n, edgesPerNode = 3, seed = 1, bigNamespace = 0 }: EstateOptions): DataFrame[] {
  const r = rng(seed);
  const clusters = Math.max(1, Math.round(n / 1250));
  const perCluster = Math.ceil(n / clusters);
  const cluster: string[] = [];
  const ns: string[] = [];
  const team: string[] = [];
  const zone: string[] = [];
  /** Start node of each namespace, and the first namespace of each cluster. */
  const nsStart: number[] = [];
  const nsCluster: number[] = [];
  const clusterNs: number[] = [];
  for (let c = 0, i = 0; c < clusters; c++) {
    clusterNs.push(nsStart.length);
    const end = Math.min(n, (c + 1) * perCluster);
    for (let j = 0; i < end; j++) {
      const dice = r();
      const want =
        c === 0 && j === 1 && bigNamespace > 0
          ? bigNamespace
          : dice < 0.7
            ? 5 + Math.floor(r() * 25)
            : dice < 0.95
              ? 30 + Math.floor(r() * 50)
              : 80 + Math.floor(r() * 120);
      const size = Math.min(want, end - i);
      const name = `${TEAMS[(c * 7 + j) % TEAMS.length]}-${j}`;
      nsStart.push(i);
      nsCluster.push(c);
      for (let k = 0; k < size; k++, i++) {
        cluster.push(`cluster-${c}`);
        ns.push(name);
        team.push(TEAMS[(c * 7 + j) % TEAMS.length]);
        zone.push(ZONES[Math.floor(r() * ZONES.length)]);
      }
    }
  }
  const nsOf = new Int32Array(n);
  nsStart.forEach((s, k) => nsOf.fill(k, s, nsStart[k + 1] ?? n));
  const nsEnd = (k: number) => nsStart[k + 1] ?? n;
  // u^3 puts most picks on the first members of a namespace: its hubs.
  const hubIn = (k: number) => nsStart[k] + Math.floor((nsEnd(k) - nsStart[k]) * r() ** 3);
  const pickCallee = (a: number) => {
    const home = nsOf[a];
    const c = nsCluster[home];
    const dice = r();
    const clusterEnd = c + 1 < clusters ? clusterNs[c + 1] : nsStart.length;
    const target =
      dice < 0.75
        ? home
        : dice < 0.95
          ? clusterNs[c] + Math.floor((clusterEnd - clusterNs[c]) * r() ** 4)
          : clusterNs[Math.floor(r() * clusters)];
    return hubIn(target);
  };
  const edges = randomEdges(r, n, edgesPerNode, zone, pickCallee, true);
  return [
    nodesFrame(n, [
      str('detail__cluster', cluster),
      str('detail__namespace', ns),
      str('detail__team', team),
      str('detail__zone', zone),
    ]),
    edgesFrame(edges),
  ];
}
