import type { MapNode } from '../graph/types';
import { encodeSegment, safeUrl } from '../../../model';
import { serviceRoute } from '../../../constants';

export interface MenuLink {
  label: string;
  href: string;
}

export interface LinkContext {
  /** Data source of the panel's query, for Explore. */
  datasourceUid?: string;
  dashboardUrl?: string;
  /** Links configured on the nodes frame's id field (`${__value.raw}` is the node id). */
  fieldLinks?: Array<{ title: string; url: string }>;
}

/** Links of the node menu. Every href goes through safeUrl: ids come from whatever the data says. */
export function nodeLinks(node: MapNode, ctx: LinkContext): MenuLink[] {
  if (node.members) {
    return [];
  }
  const name = encodeSegment(node.title);
  const links: Array<{ label: string; href: string | undefined }> = [
    // The app's service page opens on ownership, then chaos runs, flows and metrics.
    { label: 'Service page (ownership, chaos runs)', href: safeUrl(serviceRoute(node.title, node.catalogNamespace)) },
  ];
  if (ctx.datasourceUid) {
    const left = JSON.stringify({
      datasource: ctx.datasourceUid,
      queries: [{ refId: 'A', datasource: { uid: ctx.datasourceUid } }],
      range: { from: 'now-1h', to: 'now' },
    });
    links.push({ label: 'Explore', href: safeUrl(`/explore?left=${encodeSegment(left)}`) });
  }
  if (ctx.dashboardUrl) {
    links.push({ label: 'Service dashboard', href: safeUrl(ctx.dashboardUrl.split('${service}').join(name)) });
  }
  for (const l of ctx.fieldLinks ?? []) {
    links.push({
      label: l.title || 'Link',
      href: safeUrl(l.url.split('${__value.raw}').join(encodeSegment(node.id))),
    });
  }
  return links.filter((l): l is MenuLink => l.href !== undefined);
}
