import { FlowGraph, Ownership } from '../../model';
import { silentInFlows, SILENT_FIX } from '../../scorecard/drift';
import { ownerMatcher } from './flowJoins';

export type DriftKind = 'uncatalogued' | 'silent' | 'unowned';

/** One gap between the catalog and what the flows show, with the change that closes it. */
export interface DriftItem {
  kind: DriftKind;
  service: string;
  namespace?: string;
  /** Owning team from the catalog; absent for a service the catalog lacks or that has no owner. */
  team?: string;
  fix: string;
}

/** Tempo's service graph names the uninstrumented client of an entry service `user`: no service to catalog. */
const VIRTUAL_NODES = new Set(['user']);

/**
 * Catalog drift: services seen in the flows but absent from the catalog, production services of
 * the catalog with no traffic in the range, and services whose owner resolves to nobody.
 */
export function catalogDrift(graph: FlowGraph, services: Ownership[]): DriftItem[] {
  const match = ownerMatcher(services);
  const seen = new Set<Ownership>();
  const out: DriftItem[] = [];
  for (const node of graph.nodes) {
    const hit = match(node);
    if (hit) {
      seen.add(hit);
    } else if (!VIRTUAL_NODES.has(node.title ?? node.id)) {
      out.push({
        kind: 'uncatalogued',
        service: node.title ?? node.id,
        namespace: node.namespace,
        fix: 'seen in the flows but not in the catalog: add a catalog-info.yaml for it',
      });
    }
  }
  for (const s of services) {
    const team = s.team ?? s.owner;
    if (silentInFlows(s, seen.has(s), graph.nodes.length > 0)) {
      out.push({ kind: 'silent', service: s.service, namespace: s.namespace, team, fix: SILENT_FIX });
    }
    const owner = s.missing.find((m) => m.field === 'owner');
    if (owner) {
      out.push({ kind: 'unowned', service: s.service, namespace: s.namespace, team, fix: owner.hint });
    }
  }
  return out;
}

/** Counts per team (services the catalog lacks or that have no owner under "no team"). */
export function driftByTeam(items: DriftItem[]): Array<{ team: string } & Record<DriftKind, number>> {
  const by = new Map<string, { team: string } & Record<DriftKind, number>>();
  for (const i of items) {
    const team = i.team ?? 'no team';
    const row = by.get(team) ?? { team, uncatalogued: 0, silent: 0, unowned: 0 };
    row[i.kind]++;
    by.set(team, row);
  }
  return [...by.values()].sort((a, b) => a.team.localeCompare(b.team));
}
