/**
 * Field names shared by the data source (which writes frames) and the panels (which read them); the
 * node graph fields of flows are in flowFields.ts.
 */

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
