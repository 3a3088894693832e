/** @jest-environment node */
import { parseAllDocuments } from 'yaml';
import { itUpstream, upstreamText } from '../../../../tests/support/upstreamSamples';
import { Entity } from './entity';
import { annotationKeys } from './annotationKeys';
import { indexPeople, mapComponents } from './mapper';
import { completeComponent, component, group, user } from './testEntities';

const sample = (file: string): Entity[] =>
  parseAllDocuments(upstreamText(`backstage/packages__catalog-model__examples__${file}`)).flatMap((d) => [
    d.toJS() as Entity,
  ]);
const map = (entities: Entity[], people: Entity[] = []) =>
  mapComponents(entities, indexPeople(people), { source: 'backstage' });

describe('mapComponents', () => {
  it('maps a complete component with nothing missing', () => {
    const [o] = map([completeComponent('payments')], [group('team-a', 'Team A', 'a@example.com')]);
    expect(o).toMatchObject({
      ref: 'component:default/payments',
      service: 'payments',
      owner: 'Team A',
      ownerRef: 'group:default/team-a',
      team: 'team-a',
      system: 'shop',
      tier: '1',
      lifecycle: 'production',
      onCall: { kind: 'oncall', url: 'https://app.pagerduty.com/service-directory/PABC123' },
      repo: { url: 'https://github.com/acme/payments' },
      runbook: { url: 'https://runbooks.example.com/payments' },
      chat: { title: '#team-a', url: 'https://acme.slack.com/archives/C123' },
    });
    expect(o.missing).toEqual([]);
    expect(o.contacts).toContainEqual({ name: 'Team A', value: 'a@example.com', kind: 'email' });
  });

  it('says what to add for every field the catalog lacks', () => {
    const [o] = map([component('bare', { owner: 'team-a', ownedBy: 'group:default/team-a' })], [group('team-a')]);
    const hints = Object.fromEntries(o.missing.map((m) => [m.field, m.hint]));
    expect(hints.onCall).toBe('no on-call set — add `pagerduty.com/service-id`');
    expect(hints.repo).toContain('github.com/project-slug');
    expect(hints.runbook).toContain('runbook');
    expect(hints.tier).toContain('tier');
    expect(hints.system).toContain('spec.system');
    expect(hints.owner).toBeUndefined();
  });

  it('names the configured annotation key in the hint and reads it', () => {
    const keys = annotationKeys({ onCall: ['opsgenie.com/team'] });
    const [missing] = mapComponents([component('a', { owner: 'x' })], new Map(), { source: 'backstage', keys });
    expect(missing.missing.find((m) => m.field === 'onCall')?.hint).toBe('no on-call set — add `opsgenie.com/team`');
    const [found] = mapComponents(
      [component('a', { owner: 'x', annotations: { 'opsgenie.com/team': 'payments' } })],
      new Map(),
      { source: 'backstage', keys }
    );
    expect(found.onCall).toEqual({ kind: 'oncall', title: 'Opsgenie: payments', url: '' });
  });

  it('reports an owner that is not in the catalog', () => {
    const [o] = map(
      [component('orphan', { owner: 'team-ghosts', ownedBy: 'group:default/team-ghosts' })],
      [group('team-a')]
    );
    expect(o.owner).toBe('team-ghosts');
    expect(o.missing.find((m) => m.field === 'owner')?.hint).toBe(
      'owner `group:default/team-ghosts` is not in the catalog — add it or fix `spec.owner`'
    );
  });

  it('reports a component with no owner at all', () => {
    const [o] = map([component('nobody')]);
    expect(o.owner).toBeUndefined();
    expect(o.missing.find((m) => m.field === 'owner')?.hint).toContain('no owner set');
  });

  it('shows a user owner by display name and their group as the team', () => {
    const [o] = map(
      [component('img', { owner: 'user:ben', ownedBy: 'user:default/ben' })],
      [group('team-a'), user('ben', 'Ben Okafor', 'team-a')]
    );
    expect(o).toMatchObject({ owner: 'Ben Okafor', team: 'team-a', ownerRef: 'user:default/ben' });
  });

  it('keeps components of the same name in different namespaces apart', () => {
    const out = map([
      component('notifications', { owner: 'a' }),
      component('notifications', { namespace: 'labs', owner: 'b' }),
    ]);
    expect(out.map((o) => o.ref)).toEqual(['component:default/notifications', 'component:labs/notifications']);
    expect(out[1].ownerRef).toBe('group:labs/b');
  });

  it('reads where the service runs in Kubernetes from the Kubernetes plugin annotations', () => {
    const [withBoth, idOnly, none, numeric] = map([
      component('payments', {
        annotations: { 'backstage.io/kubernetes-namespace': 'shop', 'backstage.io/kubernetes-id': 'payments-api' },
      }),
      component('search', { annotations: { 'backstage.io/kubernetes-id': 'search' } }),
      component('bare'),
      component('odd', { annotations: { 'backstage.io/kubernetes-namespace': 7 as unknown as string } }),
    ]);
    expect(withBoth.kubernetes).toEqual({ namespace: 'shop', id: 'payments-api' });
    expect(idOnly.kubernetes).toEqual({ namespace: undefined, id: 'search' });
    expect(none.kubernetes).toBeUndefined();
    expect(numeric.kubernetes).toBeUndefined();
  });

  it('skips unknown kinds and entities without a name', () => {
    const widget = { ...component('w'), kind: 'Widget' };
    const nameless = { kind: 'Component', metadata: {} };
    const junk = 42 as unknown as Entity;
    expect(map([widget, nameless, junk, component('ok')]).map((o) => o.service)).toEqual(['ok']);
  });

  it('keeps HTML in descriptions as text and javascript: links as data, never interpreting them', () => {
    const [o] = map([
      component('gift', {
        description: '<img src=x onerror=alert(1)>',
        links: [{ url: 'javascript:alert(1)', title: 'Balance' }, { title: 'no url' }, null],
      }),
    ]);
    expect(o.description).toBe('<img src=x onerror=alert(1)>');
    expect(o.links).toEqual([{ kind: 'other', title: 'Balance', url: 'javascript:alert(1)' }]);
  });

  it('counts a runbook or on-call link the panel will not render as missing, saying why', () => {
    const [o] = map([
      component('gift', {
        owner: 'team-a',
        links: [
          { url: 'javascript:alert(1)', title: 'Runbook', type: 'runbook' },
          { url: 'data:text/html,<b>x</b>', title: 'On-call', type: 'oncall' },
        ],
        annotations: { 'github.com/project-slug': 'acme/gift' },
      }),
    ]);
    const hints = Object.fromEntries(o.missing.map((m) => [m.field, m.hint]));
    expect(hints.runbook).toBe(
      'the runbook link is not an http(s) or mailto URL, so it is not shown — fix its `url` in the catalog'
    );
    expect(hints.onCall).toContain('the on-call link is not an http(s) or mailto URL');
    expect(hints.repo).toBeUndefined();
  });

  itUpstream('reads the upstream example entities without relations (spec.owner as written)', () => {
    const entities = [
      ...sample('components__petstore-component.yaml'),
      ...sample('components__searcher-component.yaml'),
    ];
    const people = [...sample('acme__team-a-group.yaml')];
    const out = map(entities, people);
    const petstore = out.find((o) => o.service === 'petstore')!;
    expect(petstore.ownerRef).toBe('group:default/team-c');
    expect(petstore.repo).toMatchObject({ kind: 'repo', url: 'https://github.com/swagger-api/swagger-petstore' });
    const searcher = out.find((o) => o.service === 'searcher')!;
    expect(searcher).toMatchObject({ ownerRef: 'user:default/guest', owner: 'Guest User', team: 'team-a' });
  });
});
