import type { DataFrame } from '@grafana/data';
import { FlowGraph, FRAME_NAMES } from '../../../model';
import { mainRate } from './edgesFrame';
import { frame, T } from './frameFields';
import { Measure } from './presets';

/** One row of "which of my clusters is on fire?". */
export interface ClusterRow {
  cluster: string;
  /** Primary measure per second (bytes/s for eBPF presets, requests/s for meshes) sent from the cluster. */
  traffic: number;
  /** Errors over requests of edges into the cluster's nodes; undefined when the preset counts no requests. */
  errorShare?: number;
  /** Chaos runs active in the range on the cluster's nodes. */
  chaosRuns: number;
  busiestOwner?: string;
  mostFailingOwner?: string;
}

interface Acc {
  traffic: number;
  requests: number;
  errors: number;
  runs: Set<string>;
  busiest?: { owner: string; value: number };
  failing?: { owner: string; value: number };
}

/**
 * The one row of a graph whose series carry no cluster label at all (a single cluster's own
 * Prometheus): all of it, without calling it an unknown cluster. The mapper names nodes without the
 * label "unknown cluster" only when others have one.
 */
export const NO_CLUSTER_LABEL = 'all (no cluster label)';

/**
 * Per cluster of the joined flow graph: its traffic, error share, active chaos runs, and the owners
 * of its busiest and most failing services.
 */
export function clusterOverview(graph: FlowGraph, primary: Measure): ClusterRow[] {
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const perNode = new Map<string, { traffic: number; errors: number }>();
  const byCluster = new Map<string, Acc>();
  const acc = (cluster: string) => {
    let a = byCluster.get(cluster);
    if (!a) {
      a = { traffic: 0, requests: 0, errors: 0, runs: new Set() };
      byCluster.set(cluster, a);
    }
    return a;
  };
  const rateOf = (e: FlowGraph['edges'][number]) => mainRate(e, primary);
  for (const e of graph.edges) {
    const src = nodeById.get(e.source);
    const dst = nodeById.get(e.target);
    acc(src?.cluster ?? NO_CLUSTER_LABEL).traffic += rateOf(e);
    const into = acc(dst?.cluster ?? NO_CLUSTER_LABEL);
    into.requests += e.requestRate ?? 0;
    into.errors += e.errorRate ?? 0;
    for (const [id, traffic, errors] of [
      [e.source, rateOf(e), 0],
      [e.target, rateOf(e), e.errorRate ?? 0],
    ] as const) {
      const s = perNode.get(id) ?? { traffic: 0, errors: 0 };
      s.traffic += traffic;
      s.errors += errors;
      perNode.set(id, s);
    }
  }
  for (const n of graph.nodes) {
    const a = acc(n.cluster ?? NO_CLUSTER_LABEL);
    n.chaosRuns?.forEach((r) => a.runs.add(r));
    const s = perNode.get(n.id);
    if (!n.owner || !s) {
      continue;
    }
    if (s.traffic > 0 && (!a.busiest || s.traffic > a.busiest.value)) {
      a.busiest = { owner: n.owner, value: s.traffic };
    }
    if (s.errors > 0 && (!a.failing || s.errors > a.failing.value)) {
      a.failing = { owner: n.owner, value: s.errors };
    }
  }
  return [...byCluster.entries()]
    .map(([cluster, a]) => ({
      cluster,
      traffic: a.traffic,
      errorShare: a.requests > 0 ? Math.min(1, a.errors / a.requests) : undefined,
      chaosRuns: a.runs.size,
      busiestOwner: a.busiest?.owner,
      mostFailingOwner: a.failing?.owner,
    }))
    .sort((x, y) => (y.errorShare ?? 0) - (x.errorShare ?? 0) || y.traffic - x.traffic);
}

export function clustersFrame(rows: ClusterRow[], primary: Measure): DataFrame {
  const col = <V>(f: (r: ClusterRow) => V) => rows.map(f);
  const unit = primary === 'bytes' ? 'Bps' : primary === 'flows' ? 'short' : 'reqps';
  return frame(
    FRAME_NAMES.clusters,
    [
      { name: 'cluster', type: T.string, values: col((r) => r.cluster), config: { displayName: 'Cluster' } },
      { name: 'traffic', type: T.number, values: col((r) => r.traffic), config: { displayName: 'Traffic', unit } },
      {
        name: 'error_share',
        type: T.number,
        values: col((r) => r.errorShare ?? null),
        config: { displayName: 'Error share', unit: 'percentunit' },
      },
      { name: 'chaos_runs', type: T.number, values: col((r) => r.chaosRuns), config: { displayName: 'Chaos runs' } },
      {
        name: 'busiest_owner',
        type: T.string,
        values: col((r) => r.busiestOwner ?? null),
        config: { displayName: 'Owner of the busiest service' },
      },
      {
        name: 'most_failing_owner',
        type: T.string,
        values: col((r) => r.mostFailingOwner ?? null),
        config: { displayName: 'Owner of the most failing service' },
      },
    ],
    { preferredVisualisationType: 'table' }
  );
}
