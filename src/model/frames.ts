/**
 * Field names shared by the data source (which writes frames) and the panels (which read them).
 * The node graph names follow Grafana's Node Graph panel so either panel can draw either frame.
 */
export const NodeField = {
  id: 'id',
  title: 'title',
  subtitle: 'subtitle',
  mainStat: 'mainstat',
  secondaryStat: 'secondarystat',
  color: 'color',
  icon: 'icon',
  nodeRadius: 'nodeRadius',
  highlighted: 'highlighted',
  arcPrefix: 'arc__',
  detailPrefix: 'detail__',
} as const;

export const EdgeField = {
  id: 'id',
  source: 'source',
  target: 'target',
  mainStat: 'mainstat',
  secondaryStat: 'secondarystat',
  thickness: 'thickness',
  color: 'color',
  strokeDasharray: 'strokeDasharray',
  highlighted: 'highlighted',
  detailPrefix: 'detail__',
} as const;

/** Faultline's own detail fields, riding on node graph frames as `detail__<name>`. */
export const FlowDetail = {
  owner: 'detail__owner',
  team: 'detail__team',
  namespace: 'detail__namespace',
  zone: 'detail__zone',
  cluster: 'detail__cluster',
  bytes: 'detail__bytes',
  requests: 'detail__requests',
  errors: 'detail__errors',
  errorShare: 'detail__error_share',
  retransmits: 'detail__retransmits',
  drops: 'detail__drops',
  latencyP95: 'detail__latency_p95',
  crossZone: 'detail__cross_zone',
  crossCluster: 'detail__cross_cluster',
  cost: 'detail__cost',
  chaos: 'detail__chaos',
  diff: 'detail__diff',
  impact: 'detail__impact',
  impactChange: 'detail__impact_change',
} as const;

/** Field names of the `ownership` and `services` table frames, read by the ownership panel. */
export const OwnershipFieldName = {
  ref: 'ref',
  service: 'service',
  title: 'title',
  description: 'description',
  namespace: 'namespace',
  owner: 'owner',
  ownerRef: 'owner_ref',
  team: 'team',
  onCall: 'on_call',
  onCallUrl: 'on_call_url',
  contacts: 'contacts',
  links: 'links',
  tier: 'tier',
  lifecycle: 'lifecycle',
  system: 'system',
  repo: 'repo',
  runbook: 'runbook',
  docs: 'docs',
  chat: 'chat',
  tags: 'tags',
  source: 'source',
  missing: 'missing',
} as const;

export const FRAME_NAMES = {
  nodes: 'nodes',
  edges: 'edges',
  ownership: 'ownership',
  services: 'services',
  experiments: 'experiments',
  timeline: 'timeline',
  annotations: 'annotations',
  scorecard: 'scorecard',
  clusters: 'clusters',
  impact: 'impact',
  drift: 'drift',
} as const;
