import type { BlastRole } from '../../../model';
import { type Adjacency, hopDistances } from './adjacency';
import type { MapNode } from './types';

/**
 * Blast radius per node. Roles written by the data source win; when only targets are marked, the
 * callers within `hops` become upstream (they see the failure) and the callees downstream.
 */
export function blastRoles(nodes: MapNode[], adj: Adjacency, hops = 2): Array<BlastRole | undefined> {
  const roles = nodes.map((n) => n.chaos);
  if (roles.some((r) => r === 'upstream' || r === 'downstream')) {
    return roles;
  }
  const targets = roles.flatMap((r, i) => (r === 'target' ? [i] : []));
  if (targets.length === 0) {
    return roles;
  }
  const up = hopDistances(adj, targets, hops, 'in');
  const down = hopDistances(adj, targets, hops, 'out');
  return roles.map((r, i) => r ?? (up[i] > 0 ? 'upstream' : down[i] > 0 ? 'downstream' : undefined));
}
