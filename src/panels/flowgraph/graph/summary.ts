import type { BlastRole, EdgeDiff } from '../../../model';
import type { MapEdge } from './types';

export interface OverlaySummary {
  chaos: Record<BlastRole, number>;
  diff: Record<EdgeDiff, number>;
  /** Sum of detail__cost over edges; undefined when no edge is priced. */
  totalCost?: number;
  crossZoneEdges: number;
  /** Edge indices of the costliest edges, most expensive first. */
  costliest: number[];
}

export const COSTLIEST_SHOWN = 5;

export function summarize(edges: MapEdge[], roles: Array<BlastRole | undefined>): OverlaySummary {
  const s: OverlaySummary = {
    chaos: { target: 0, upstream: 0, downstream: 0 },
    diff: { new: 0, vanished: 0, changed: 0, same: 0 },
    crossZoneEdges: 0,
    costliest: [],
  };
  for (const r of roles) {
    if (r) {
      s.chaos[r]++;
    }
  }
  const priced: number[] = [];
  edges.forEach((e, i) => {
    if (e.diff) {
      s.diff[e.diff]++;
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
