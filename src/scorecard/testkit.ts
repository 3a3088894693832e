import { Ownership } from '../model';

/** Builds a catalog service for tests: fully owned unless a test takes fields away. */
export function aService(service: string, over: Partial<Ownership> = {}): Ownership {
  return {
    ref: `component:default/${service}`,
    service,
    owner: 'Team Payments',
    ownerRef: 'group:default/team-payments',
    team: 'payments',
    onCall: { title: 'On-call', url: `https://oncall.example.com/${service}`, kind: 'oncall' },
    contacts: [],
    links: [],
    tier: '1',
    lifecycle: 'production',
    repo: { title: 'Repository', url: `https://git.example.com/${service}`, kind: 'repo' },
    runbook: { title: 'Runbook', url: `https://runbooks.example.com/${service}`, kind: 'runbook' },
    tags: [],
    source: 'backstage',
    missing: [],
    ...over,
  };
}
