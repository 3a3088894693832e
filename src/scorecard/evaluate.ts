import { ChaosRun, FlowGraph, Ownership } from '../model';
import { FlowFacts, flowFacts } from './flowIndex';
import { ServiceIndex } from './match';
import { JUDGES, ServiceFacts } from './rules';
import { RULE_IDS, RuleResult, ScorecardSettings, ServiceScore, TeamScore } from './types';

export interface ScorecardInput {
  services: Ownership[];
  runs: ChaosRun[];
  /** Absent when no flow store is configured or it failed: flow rules are then not judged. */
  flows?: FlowGraph;
  settings: ScorecardSettings;
  now: number;
}

/** One service with everything the pages show beside its score. */
export interface ServiceReport extends ServiceScore {
  ownership: Ownership;
  runs: ChaosRun[];
  flows?: FlowFacts;
}

const NOT_OBSERVED: FlowFacts = { observed: false, callers: [], callees: [], unknownCallers: [] };

/** Judges every catalog service; runs and flow nodes are matched to services once, by name. */
export function scoreServices(input: ScorecardInput): ServiceReport[] {
  const index = new ServiceIndex(input.services.map((s) => s.service));
  const runsOf = new Map<string, ChaosRun[]>();
  for (const run of input.runs) {
    const hit = new Set(run.targets.map((t) => index.find(t)).filter((s): s is string => s !== undefined));
    for (const s of hit) {
      const list = runsOf.get(s);
      list ? list.push(run) : runsOf.set(s, [run]);
    }
  }
  const facts = input.flows ? flowFacts(input.flows, index, input.settings.ignoredCallers) : undefined;
  return input.services.map((ownership) => {
    const f: ServiceFacts = {
      service: ownership,
      runs: runsOf.get(ownership.service) ?? [],
      flows: facts ? (facts.get(ownership.service) ?? NOT_OBSERVED) : undefined,
      flowsHaveData: (input.flows?.nodes.length ?? 0) > 0,
      now: input.now,
    };
    return { ...judge(f, input.settings), ownership, runs: f.runs, flows: f.flows };
  });
}

export function judge(facts: ServiceFacts, settings: ScorecardSettings): ServiceScore {
  const results: RuleResult[] = RULE_IDS.filter((id) => settings.rules[id].enabled).map((rule) => ({
    rule,
    ...JUDGES[rule](facts, settings),
  }));
  let total = 0;
  let passed = 0;
  for (const r of results) {
    const w = settings.rules[r.rule].weight;
    if (r.outcome !== 'na') {
      total += w;
      passed += r.outcome === 'pass' ? w : 0;
    }
  }
  const score = total > 0 ? Math.round((100 * passed) / total) : undefined;
  return {
    service: facts.service.service,
    team: teamOf(facts.service),
    score,
    ready: score !== undefined && score >= settings.readyScore,
    results,
  };
}

export const teamOf = (s: Ownership): string | undefined => s.team ?? s.owner;

/** Per team: how many services, how many ready, mean score. Services without a team count under "(no team)". */
export function scoreTeams(scores: ServiceScore[]): TeamScore[] {
  const teams = new Map<string, ServiceScore[]>();
  for (const s of scores) {
    const t = s.team ?? NO_TEAM;
    const list = teams.get(t);
    list ? list.push(s) : teams.set(t, [s]);
  }
  return [...teams.entries()]
    .map(([team, list]) => {
      const judged = list.filter((s) => s.score !== undefined);
      return {
        team,
        services: list.length,
        ready: list.filter((s) => s.ready).length,
        score: judged.length ? Math.round(judged.reduce((a, s) => a + (s.score ?? 0), 0) / judged.length) : undefined,
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team));
}

export const NO_TEAM = '(no team)';

/** The hints of failing rules, in rule order: what to fix first. */
export function hintOf(score: ServiceScore): string {
  return score.results
    .filter((r) => r.outcome === 'fail' && r.hint)
    .map((r) => r.hint)
    .join('; ');
}

/** Whether a service's name, title, team, owner or system contains `text` (case-insensitive); empty matches all. */
export function matchesSearch(s: Ownership, text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === '' || [s.service, s.title, s.team, s.owner, s.system].some((v) => v?.toLowerCase().includes(t));
}

const hasOwner = (o: Ownership) => Boolean(o.owner || o.ownerRef);

/**
 * The order of the catalog's rows, whatever panel shows them: services without an owner first (the
 * rows a "who owns it?" page exists for), then least ready first, then by name.
 */
export function catalogOrder(reports: ServiceReport[]): ServiceReport[] {
  return [...reports].sort(
    (a, b) =>
      Number(hasOwner(a.ownership)) - Number(hasOwner(b.ownership)) ||
      (a.score ?? -1) - (b.score ?? -1) ||
      a.service.localeCompare(b.service)
  );
}
