import { Ownership } from '../model';

/** What closes a silent service's drift, in the drift query and the scorecard alike. */
export const SILENT_FIX = 'in production but no traffic in the range: retire it, or check that its flows are exported';

/**
 * Catalog drift of a catalog service on the flows' side: in production, yet not seen in flows that
 * do carry data (empty flows say nothing about one service). The drift query and the scorecard's
 * `noDrift` rule both ask this, so a service fails the rule exactly when the query lists it silent.
 */
export function silentInFlows(service: Ownership, observed: boolean, flowsHaveData: boolean): boolean {
  return service.lifecycle === 'production' && !observed && flowsHaveData;
}
