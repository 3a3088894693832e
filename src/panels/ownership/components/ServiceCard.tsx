import React from 'react';
import { PanelService } from '../frame';
import { OwnershipStyles } from '../styles';
import { MissingHints } from './MissingHints';
import { SafeLink } from './SafeLink';

interface Props {
  service: PanelService;
  full: boolean;
  showMissing: boolean;
  s: OwnershipStyles;
}

/** Full: every field, the description and contacts. Compact: who to call and where to look. */
export function ServiceCard({ service: x, full, showMissing, s }: Props) {
  const absent = <span className={s.absent}>not set</span>;
  const row = (label: string, value: React.ReactNode, always = true) =>
    value || always ? (
      <React.Fragment key={label}>
        <dt className={s.label}>{label}</dt>
        <dd className={s.value}>{value || absent}</dd>
      </React.Fragment>
    ) : null;
  const link = (l: PanelService['runbook']) => (l ? <SafeLink link={l} /> : null);
  const emails = x.contacts.filter((c) => c.kind === 'email');
  return (
    <article className={s.card} aria-label={`Ownership of ${x.service}`} data-testid="faultline-ownership-card">
      <header className={s.header}>
        <h3 className={s.name}>{x.title ?? x.service}</h3>
        {x.namespace && x.namespace !== 'default' && <span className={s.badge}>{x.namespace}</span>}
        {x.tier && <span className={s.badge}>tier {x.tier}</span>}
        {x.lifecycle && <span className={s.badge}>{x.lifecycle}</span>}
      </header>
      {full && x.description && <p className={s.description}>{x.description}</p>}
      <dl className={s.grid}>
        {row('Owner', x.owner ? `${x.owner}${x.team && x.team !== x.owner ? ` (${x.team})` : ''}` : null)}
        {row('On-call', link(x.onCall))}
        {row('Chat', link(x.chat))}
        {row('Runbook', link(x.runbook))}
        {full && row('Repository', link(x.repo))}
        {full && row('Docs', link(x.docs))}
        {full && row('System', x.system)}
        {full && !x.tier && row('Tier', null)}
        {full && !x.lifecycle && row('Lifecycle', null)}
        {full &&
          row(
            'Dashboards',
            x.dashboards.length ? (
              <>
                {x.dashboards.map((d, i) => (
                  <React.Fragment key={`${d.url}-${i}`}>
                    {i > 0 && ', '}
                    <SafeLink link={d} />
                  </React.Fragment>
                ))}
              </>
            ) : null,
            false
          )}
        {full &&
          row(
            'Contacts',
            emails.length
              ? emails.map((c, i) => (
                  <React.Fragment key={c.value}>
                    {i > 0 && ', '}
                    <SafeLink link={{ title: c.value, url: `mailto:${c.value}` }} />
                  </React.Fragment>
                ))
              : null,
            false
          )}
      </dl>
      {showMissing && <MissingHints hints={x.missing} className={s.missing} />}
    </article>
  );
}
