import { Contact, Ownership, OwnershipField, ServiceLink } from '../../../../model';
import { lookup, objs, strs, Untrusted } from '../../json';
import { str } from '../entity';
import { missingFields } from '../missing';
import { OlService, OlTool } from './types';

/** OpsLevel tool categories (enum ToolCategory) by the ownership field they fill. */
const TOOL_KIND: Record<string, ServiceLink['kind']> = {
  runbooks: 'runbook',
  incidents: 'oncall',
  code: 'repo',
  wiki: 'docs',
  api_documentation: 'docs',
  design_documentation: 'docs',
  metrics: 'dashboard',
  observability: 'dashboard',
  health_checks: 'dashboard',
};

/** OpsLevel's own words for what is missing: owners and tools are set in OpsLevel, not in annotations. */
const HINTS: Record<OwnershipField, string> = {
  owner: 'no owner set — assign an owning team in OpsLevel',
  onCall: 'no on-call set — add an "incidents" tool (PagerDuty, Opsgenie) in OpsLevel',
  runbook: 'no runbook — add a "runbooks" tool in OpsLevel',
  repo: 'no repository — add a "code" tool or repository in OpsLevel',
  tier: 'no tier — set the service tier in OpsLevel',
  lifecycle: 'no lifecycle — set the lifecycle in OpsLevel',
  system: 'no system — add the service to a system in OpsLevel',
};

export function mapOpsLevelService(s: OlService): Ownership | undefined {
  const alias = strs(s.aliases)[0];
  const name = str(s.name) ?? alias;
  if (!name) {
    return undefined;
  }
  const links = objs<OlTool>(s.tools?.nodes)
    .filter((t) => !!str(t.url))
    .map(toolLink);
  const first = (kind: ServiceLink['kind']) => links.find((l) => l.kind === kind);
  const contacts: Contact[] = objs<NonNullable<NonNullable<OlService['owner']>['contacts']>[number]>(
    s.owner?.contacts
  ).flatMap((c) => {
    const value = str(c.address);
    if (!value) {
      return [];
    }
    const type = str(c.type) ?? '';
    const kind: Contact['kind'] = type === 'email' ? 'email' : /slack|teams/.test(type) ? 'chat' : 'other';
    return [{ name: str(c.displayName) ?? value, value, kind }];
  });
  const onCallPerson = objs<{ name?: string; externalEmail?: string }>(s.onCalls?.nodes).find((n) => str(n.name));
  if (onCallPerson) {
    contacts.push({
      name: String(onCallPerson.name),
      value: str(onCallPerson.externalEmail) ?? String(onCallPerson.name),
      kind: 'oncall',
    });
  }
  const chatContact = contacts.find((c) => c.kind === 'chat');
  const owner = str(s.owner?.name) ?? str(s.owner?.alias);
  const entry: Omit<Ownership, 'missing'> = {
    ref: `opslevel:${alias ?? name}`,
    service: alias ?? name,
    title: name,
    description: str(s.description),
    owner,
    ownerRef: str(s.owner?.alias),
    team: str(s.owner?.alias) ?? owner,
    onCall:
      first('oncall') ?? (onCallPerson ? { kind: 'oncall', title: String(onCallPerson.name), url: '' } : undefined),
    chat: chatContact
      ? { kind: 'chat', title: chatContact.name, url: /^https?:/.test(chatContact.value) ? chatContact.value : '' }
      : undefined,
    runbook: first('runbook'),
    repo: first('repo'),
    docs: first('docs'),
    contacts,
    links: [
      ...(str(s.htmlUrl) ? [{ kind: 'other' as const, title: 'OpsLevel', url: String(s.htmlUrl) }] : []),
      ...links,
    ],
    tier: str(s.tier?.name) ?? str(s.tier?.alias),
    lifecycle: str(s.lifecycle?.alias) ?? str(s.lifecycle?.name),
    system: strs(s.parent?.aliases)[0] ?? str(s.parent?.name),
    tags: objs<{ key?: string; value?: string }>(s.tags?.nodes).flatMap((t) => {
      const key = str(t.key);
      const value = str(t.value);
      return key ? [value ? `${key}:${value}` : key] : [];
    }),
    source: 'opslevel',
  };
  // A field that is set but not shown (a link the panel refuses) keeps the hint that says so.
  const missing = missingFields(entry).map((m) =>
    entry[m.field] === undefined ? { field: m.field, hint: HINTS[m.field] } : m
  );
  return { ...entry, missing };
}

function toolLink(t: Untrusted<OlTool>): ServiceLink {
  const env = str(t.environment);
  const title = str(t.displayName) ?? str(t.category) ?? 'tool';
  return {
    kind: lookup(TOOL_KIND, t.category) ?? 'other',
    title: env ? `${title} (${env})` : title,
    url: str(t.url) ?? '',
  };
}
