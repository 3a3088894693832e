import React from 'react';
import { safeUrl, ServiceLink } from '../../../model';

/**
 * A catalog link: an anchor only when safeUrl accepts the URL (http(s), mailto, catalog-relative),
 * otherwise the title as plain text. Titles are text nodes, so HTML in them is shown, never parsed.
 */
export function SafeLink({ link, fallback, className }: { link?: ServiceLink; fallback?: string; className?: string }) {
  if (!link) {
    return fallback ? <span className={className}>{fallback}</span> : null;
  }
  const href = safeUrl(link.url);
  if (!href) {
    return <span className={className}>{link.title}</span>;
  }
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer">
      {link.title}
    </a>
  );
}
