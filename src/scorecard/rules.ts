import { ChaosRun, Ownership, safeUrl, ServiceLink } from '../model';
import { silentInFlows, SILENT_FIX } from './drift';
import { FlowFacts } from './flowIndex';
import { RuleId, RuleOutcome, ScorecardSettings } from './types';

/** Everything known about one service when its rules are judged. */
export interface ServiceFacts {
  service: Ownership;
  /** Runs targeting the service, any order. */
  runs: ChaosRun[];
  /** Undefined when no flow data was available: the flow rules are then not judged. */
  flows?: FlowFacts;
  /** The flow data has nodes at all: a service missing from empty flows is no drift. */
  flowsHaveData?: boolean;
  now: number;
}

type Judge = (facts: ServiceFacts, settings: ScorecardSettings) => { outcome: RuleOutcome; hint?: string };

const DAY_MS = 86_400_000;

const present = (ok: boolean, hint: string) => (ok ? { outcome: 'pass' as const } : { outcome: 'fail' as const, hint });

/** The catalog's own hint (which annotation to add) beats a generic one. */
const missingHint = (s: Ownership, field: string, fallback: string) =>
  s.missing.find((m) => m.field === field)?.hint ?? fallback;

/** A link counts only when the panel would render it: a javascript: runbook is no runbook. */
const usable = (link: ServiceLink | undefined) => Boolean(link && safeUrl(link.url));

/** Most recent run that has finished, by end time. */
export function lastFinished(runs: ChaosRun[]): ChaosRun | undefined {
  return runs
    .filter((r) => r.end !== undefined && r.status !== 'running')
    .sort((a, b) => (b.end ?? 0) - (a.end ?? 0) || b.start - a.start)[0];
}

export const JUDGES: Record<RuleId, Judge> = {
  // An owner the catalog cannot resolve (a departed user, a deleted group) is no one to call.
  owner: ({ service }) =>
    present(
      Boolean(service.owner || service.ownerRef) && !service.missing.some((m) => m.field === 'owner'),
      missingHint(service, 'owner', 'set an owner in the catalog')
    ),
  onCall: ({ service }) => present(usable(service.onCall), missingHint(service, 'onCall', 'link an on-call schedule')),
  runbook: ({ service }) => present(usable(service.runbook), missingHint(service, 'runbook', 'link a runbook')),
  repo: ({ service }) => present(usable(service.repo), missingHint(service, 'repo', 'link the source repository')),
  recentChaos: ({ runs, now }, { chaosWindowDays }) =>
    present(
      runs.some((r) => r.start >= now - chaosWindowDays * DAY_MS && r.start <= now),
      `run a chaos experiment against it (none in the last ${chaosWindowDays} days)`
    ),
  steadyState: ({ runs }) => {
    const last = lastFinished(runs);
    if (!last) {
      return { outcome: 'fail', hint: 'no finished chaos run to judge its steady state' };
    }
    return present(
      last.verdict?.outcome === 'passed',
      `last run "${last.name}" ${last.verdict?.outcome === 'deviated' ? 'deviated from its steady state' : 'did not report a steady-state verdict'}`
    );
  },
  observed: ({ flows }) =>
    flows
      ? present(flows.observed, 'not seen in the flow data: instrument it or check the exporter')
      : { outcome: 'na' },
  knownCallers: ({ flows }) => {
    if (!flows) {
      return { outcome: 'na' };
    }
    const unknown = flows.unknownCallers;
    return present(
      unknown.length === 0,
      `called by ${unknown.length} service(s) the catalog does not know: ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}`
    );
  },
  // Only the flows' side of drift: an unresolved owner is the owner rule's to fail, not a second time here.
  noDrift: ({ service, flows, flowsHaveData }) =>
    flows ? present(!silentInFlows(service, flows.observed, flowsHaveData ?? false), SILENT_FIX) : { outcome: 'na' },
};
