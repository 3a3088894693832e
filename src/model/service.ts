/** A link shown to people: only ever rendered after `safeUrl` has accepted it. */
export interface ServiceLink {
  title: string;
  url: string;
  /** What the link is for, so panels can pick an icon and the ownership fields can find it. */
  kind?: 'runbook' | 'repo' | 'docs' | 'dashboard' | 'chat' | 'oncall' | 'other';
}

export interface Contact {
  name: string;
  /** email, chat handle or URL, whichever the catalog holds */
  value: string;
  kind: 'email' | 'chat' | 'oncall' | 'other';
}

/** The catalog namespace of a service name given without one, as in Backstage entity refs. */
export const DEFAULT_NAMESPACE = 'default';

/** The fields the ownership panel and scorecards can report as missing. */
export const OWNERSHIP_FIELDS = ['owner', 'onCall', 'runbook', 'repo', 'tier', 'lifecycle', 'system'] as const;
export type OwnershipField = (typeof OWNERSHIP_FIELDS)[number];

/** One service as every catalog connector reports it. */
export interface Ownership {
  /** Catalog-unique reference, e.g. `component:default/payments-api`. */
  ref: string;
  service: string;
  namespace?: string;
  title?: string;
  description?: string;
  /** Display name of the owning group or user. */
  owner?: string;
  /** Owner reference as the catalog spells it, e.g. `group:default/team-payments`. */
  ownerRef?: string;
  team?: string;
  onCall?: ServiceLink;
  contacts: Contact[];
  links: ServiceLink[];
  tier?: string;
  lifecycle?: string;
  system?: string;
  repo?: ServiceLink;
  runbook?: ServiceLink;
  docs?: ServiceLink;
  chat?: ServiceLink;
  tags: string[];
  /**
   * Where the service runs in Kubernetes, when the catalog says (Backstage's
   * `backstage.io/kubernetes-namespace` and `backstage.io/kubernetes-id`). Flow data names
   * workloads by Kubernetes namespace, which is not the catalog's own `namespace`.
   */
  kubernetes?: { namespace?: string; id?: string };
  /** Catalog source that produced the entry: backstage | catalog-files | opslevel. */
  source: string;
  /** Ownership fields the catalog lacks, each with a hint of what to add. */
  missing: MissingField[];
}

export interface MissingField {
  field: OwnershipField;
  hint: string;
}
