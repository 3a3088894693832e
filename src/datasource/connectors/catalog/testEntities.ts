import { Entity } from './entity';

/** Test builders for Backstage entities, in the shape by-query returns (relations included). */
export function component(
  name: string,
  extra: {
    namespace?: string;
    owner?: string;
    ownedBy?: string;
    system?: string;
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
    links?: unknown[];
    lifecycle?: string;
    description?: string;
  } = {}
): Entity {
  const namespace = extra.namespace ?? 'default';
  const relations = [
    ...(extra.ownedBy ? [{ type: 'ownedBy', targetRef: extra.ownedBy }] : []),
    ...(extra.system ? [{ type: 'partOf', targetRef: `system:${namespace}/${extra.system}` }] : []),
  ];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace,
      description: extra.description,
      annotations: extra.annotations ?? {},
      labels: extra.labels,
      links: extra.links ?? [],
    },
    spec: { type: 'service', lifecycle: extra.lifecycle ?? 'production', owner: extra.owner, system: extra.system },
    relations,
  };
}

export function group(name: string, displayName?: string, email?: string, namespace = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', profile: { displayName, email }, children: [] },
  };
}

export function user(name: string, displayName: string, memberOf: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { profile: { displayName }, memberOf: [memberOf] },
    relations: [{ type: 'memberOf', targetRef: `group:default/${memberOf}` }],
  };
}

/** A complete component: nothing is missing. */
export function completeComponent(name: string, team = 'team-a'): Entity {
  return component(name, {
    owner: team,
    ownedBy: `group:default/${team}`,
    system: 'shop',
    annotations: {
      'pagerduty.com/service-id': 'PABC123',
      'github.com/project-slug': `acme/${name}`,
      'backstage.io/techdocs-ref': 'dir:.',
    },
    labels: { tier: '1' },
    links: [
      { url: `https://runbooks.example.com/${name}`, title: 'Runbook', type: 'runbook' },
      { url: 'https://acme.slack.com/archives/C123', title: '#team-a', icon: 'chat' },
    ],
  });
}
