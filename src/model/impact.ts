/** What a chaos run did to one service, judged against the baseline window before it. */
export type ImpactLevel = 'unaffected' | 'degraded' | 'broken' | 'unknown';

/** Role of a measured service in the run: a target, or a flow neighbour `hops` away. */
export type ImpactRole = 'target' | 'neighbour';

/** One measure of one service: the baseline's mean and its noise band, and the run's worst value. */
export interface MeasuredChange {
  baseline: number;
  /** The run's value: its peak error share, its median latency and traffic. */
  run: number;
  /** Edge of the baseline's own variation the run had to pass to count. */
  noise: number;
}

export interface ServiceImpact {
  /** Flow node id. */
  id: string;
  service: string;
  namespace?: string;
  role: ImpactRole;
  /** Flow hops from the nearest target (0 for a target). */
  hops: number;
  impact: ImpactLevel;
  /** Why, in words: "error share 0.0% → 31.0%". */
  reasons: string[];
  errorShare?: MeasuredChange;
  latencyP95?: MeasuredChange;
  /** Requests per second where the preset counts requests, else bytes per second. */
  traffic?: MeasuredChange;
  trafficUnit?: 'req/s' | 'B/s';
  owner?: string;
  team?: string;
  onCall?: { title: string; url?: string };
  catalogNamespace?: string;
}

export type Reach = 'contained' | 'escaped' | 'unknown';

export interface RunImpact {
  runId: string;
  runName: string;
  source: string;
  from: number;
  to: number;
  baselineFrom: number;
  baselineTo: number;
  /** The run had not ended: measured up to `to`, the time of the query. */
  running: boolean;
  reach: Reach;
  /** Impacted services beyond the targets, and how many teams they belong to. */
  escaped: ServiceImpact[];
  teams: string[];
  services: ServiceImpact[];
  /** Things the reader must know: no targets, targets not in the graph, no baseline data, overlaps. */
  notes: string[];
  /** Other runs on a target that overlap this one in time. */
  overlaps: string[];
}
