import { encodeSegment, ServiceLink } from '../../../model';
import { EntityLink, str } from './entity';

type Kind = NonNullable<ServiceLink['kind']>;

/**
 * Turns one annotation into a link. Values that are not URLs (a PagerDuty id, `#payments`) become
 * a link with an empty url, which panels show as text. The integration key is a credential-like
 * value: it proves on-call is wired but is never shown.
 */
export function annotationLink(key: string, value: string, kind: Kind): ServiceLink {
  const v = value.startsWith('url:') ? value.slice(4) : value;
  switch (key) {
    case 'pagerduty.com/service-id':
      return { kind, title: 'PagerDuty', url: `https://app.pagerduty.com/service-directory/${encodeSegment(v)}` };
    case 'pagerduty.com/integration-key':
      return { kind, title: 'PagerDuty (integration)', url: '' };
    case 'opsgenie.com/team':
      return { kind, title: `Opsgenie: ${v}`, url: '' };
    case 'github.com/project-slug':
      return { kind, title: v, url: `https://github.com/${v}` };
    case 'gitlab.com/project-slug':
      return { kind, title: v, url: `https://gitlab.com/${v}` };
    case 'backstage.io/techdocs-ref':
      return isHttp(v) ? { kind, title: 'TechDocs', url: v } : { kind, title: `TechDocs (${value})`, url: '' };
    default:
      return isHttp(v) ? { kind, title: titleFromUrl(v), url: v } : { kind, title: v, url: '' };
  }
}

/** Classifies a metadata.links entry by its `type`, then `icon`, then title and host. */
export function classifyLink(link: EntityLink): ServiceLink | undefined {
  const url = str(link.url);
  if (!url) {
    return undefined;
  }
  const title = str(link.title) ?? titleFromUrl(url);
  const hint = `${str(link.type) ?? ''} ${str(link.icon) ?? ''} ${title}`.toLowerCase();
  // Parsing the URL is the costly part of mapping 5,000 entities: only when the words say nothing.
  const kind: Kind = kindFromWords(hint) ?? kindFromHost(hostOf(url));
  return { kind, title, url };
}

function kindFromWords(hint: string): Kind | undefined {
  if (/runbook|playbook/.test(hint)) {
    return 'runbook';
  }
  if (/on-?call|pagerduty|opsgenie/.test(hint)) {
    return 'oncall';
  }
  if (/slack|chat|channel|teams/.test(hint)) {
    return 'chat';
  }
  if (/dashboard|grafana/.test(hint)) {
    return 'dashboard';
  }
  if (/\bdocs?\b|documentation|techdocs/.test(hint)) {
    return 'docs';
  }
  if (/repo|source|github|gitlab|bitbucket/.test(hint)) {
    return 'repo';
  }
  return undefined;
}

function kindFromHost(host: string): Kind {
  return /(^|\.)slack\.com$/.test(host) ? 'chat' : /(^|\.)(github|gitlab)\.com$/.test(host) ? 'repo' : 'other';
}

function isHttp(v: string): boolean {
  return /^https?:\/\//i.test(v);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function titleFromUrl(url: string): string {
  return hostOf(url) || url;
}
