import type { BlastRole, EdgeChangeKind, EdgeDiff, ImpactLevel } from '../../../model';
import type { MapEdge, MapNode } from './types';

export interface OverlaySummary {
  chaos: Record<BlastRole, number>;
  diff: Record<EdgeDiff, number>;
  /** Nodes per measured impact and edges per change, of the chaos run the query was asked about. */
  impact: Record<ImpactLevel, number>;
  change: Record<EdgeChangeKind, number>;
  /** Sum of detail__cost over edges; undefined when no edge is priced. */
  totalCost?: number;
  crossZoneEdges: number;
  /** Edge indices of the costliest edges, most expensive first. */
  costliest: number[];
}

export const COSTLIEST_SHOWN = 5;

export function summarize(
  edges: MapEdge[],
  roles: Array<BlastRole | undefined>,
  nodes: MapNode[] = []
): OverlaySummary {
  const s: OverlaySummary = {
    chaos: { target: 0, upstream: 0, downstream: 0 },
    diff: { new: 0, vanished: 0, changed: 0, same: 0 },
    impact: { unaffected: 0, degraded: 0, broken: 0, unknown: 0 },
    change: { errors: 0, traffic: 0, latency: 0, none: 0 },
    crossZoneEdges: 0,
    costliest: [],
  };
  for (const r of roles) {
    if (r) {
      s.chaos[r]++;
    }
  }
  for (const n of nodes) {
    if (n.impact) {
      s.impact[n.impact]++;
    }
  }
  const priced: number[] = [];
  edges.forEach((e, i) => {
    if (e.diff) {
      s.diff[e.diff]++;
    }
    if (e.change) {
      s.change[e.change]++;
    }
    if (e.crossZone) {
      s.crossZoneEdges++;
    }
    if (e.cost !== undefined) {
      s.totalCost = (s.totalCost ?? 0) + e.cost;
      if (e.cost > 0) {
        priced.push(i);
      }
    }
  });
  s.costliest = priced.sort((a, b) => edges[b].cost! - edges[a].cost! || a - b).slice(0, COSTLIEST_SHOWN);
  return s;
}
