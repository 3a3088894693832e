import { type DataFrame, FieldType } from '@grafana/data';

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
  const src: string[] = [];
  const dst: string[] = [];
  const bytes: number[] = [];
  const share: number[] = [];
  const cost: Array<number | null> = [];
  const cross: Array<string | null> = [];
  const diff: string[] = [];
  const seen = new Set<string>();
  const m = Math.round(n * edgesPerNode);
  for (let k = 0, tries = 0; k < m && tries < m * 5; tries++) {
    const a = Math.floor(r() * n);
    const dice = r();
    // 85% of calls stay in the namespace; most others go to the shared platform namespaces.
    const nsNo =
      dice < 0.85 ? Number(ns[a].slice(3)) : dice < 0.97 ? Math.floor(r() * Math.min(3, nsStart.length)) : -1;
    const lo = nsNo >= 0 ? nsStart[nsNo] : 0;
    const hi = nsNo >= 0 ? (nsStart[nsNo + 1] ?? n) : n;
    const b = lo + Math.floor(r() * (hi - lo));
    const key = `${a}->${b}`;
    if (a === b || seen.has(key)) {
      continue;
    }
    seen.add(key);
    k++;
    src.push(`svc-${a}`);
    dst.push(`svc-${b}`);
    const v = Math.round(1e3 * Math.exp(r() * 12));
    bytes.push(v);
    share.push(r() < 0.9 ? 0 : Math.round(r() * 200) / 1000);
    const isCross = zone[a] !== zone[b];
    cross.push(isCross ? `${zone[a]} → ${zone[b]}` : null);
    cost.push(isCross ? Math.round(v * 3600 * 24 * 0.01e-9 * 100) / 100 : null);
    const d = r();
    diff.push(d < 0.03 ? 'new' : d < 0.05 ? 'vanished' : d < 0.1 ? 'changed' : 'same');
  }
  const chaos = new Array<string | null>(n).fill(null);
  if (n > 0) {
    chaos[Math.floor(n / 2)] = 'target: pod-kill';
  }
  const str = (name: string, values: unknown[], displayName?: string) => ({
    name,
    type: FieldType.string,
    config: displayName ? { displayName } : {},
    values,
  });
  const num = (name: string, values: unknown[], unit?: string) => ({
    name,
    type: FieldType.number,
    config: unit ? { unit } : {},
    values,
  });
  const ids = Array.from({ length: n }, (_, i) => `svc-${i}`);
  return [
    {
      name: 'nodes',
      length: n,
      meta: { preferredVisualisationType: 'nodeGraph' },
      fields: [
        str('id', ids),
        str('title', ids),
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
      ],
    },
    {
      name: 'edges',
      length: src.length,
      meta: { preferredVisualisationType: 'nodeGraph' },
      fields: [
        str(
          'id',
          src.map((s, i) => `${s}->${dst[i]}`)
        ),
        str('source', src),
        str('target', dst),
        num('mainstat', bytes, 'Bps'),
        num('detail__bytes', bytes, 'Bps'),
        num('detail__error_share', share, 'percentunit'),
        str('detail__cross_zone', cross, 'Cross-zone'),
        num('detail__cost', cost, 'currencyUSD'),
        str('detail__diff', diff, 'Change'),
      ],
    },
  ];
}
