import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

interface Props {
  /** From the top down to the group opened last. */
  crumbs: Array<{ id: string; title: string }>;
  /** Groups open in all (several may be open side by side). */
  openCount: number;
  /** Back up to a crumb; undefined closes everything. */
  onUp(id: string | undefined): void;
  /** Lit paths, described in one line. */
  paths?: string;
  onClearPaths(): void;
}

/** Where the map is in its levels; each crumb closes what lies below it. */
export function Breadcrumb({ crumbs, openCount, onUp, paths, onClearPaths }: Props) {
  const s = useStyles2(getStyles);
  return (
    <div className={s.bar}>
      <nav aria-label="Map levels" data-testid="faultline-flowgraph-breadcrumb">
        <ol className={s.list}>
          <li>
            {crumbs.length || openCount ? (
              <button type="button" className={s.link} onClick={() => onUp(undefined)}>
                All
              </button>
            ) : (
              <span aria-current="location">All</span>
            )}
          </li>
          {crumbs.map((c, i) => (
            <li key={c.id}>
              <span aria-hidden className={s.sep}>
                ›
              </span>
              {i === crumbs.length - 1 ? (
                <span aria-current="location">{c.title}</span>
              ) : (
                <button type="button" className={s.link} onClick={() => onUp(c.id)}>
                  {c.title}
                </button>
              )}
            </li>
          ))}
          {openCount > crumbs.length && crumbs.length > 0 && <li className={s.weak}>({openCount} groups open)</li>}
        </ol>
      </nav>
      {paths && (
        <span className={s.weak} data-testid="faultline-flowgraph-paths">
          {paths}{' '}
          <button type="button" className={s.link} onClick={onClearPaths}>
            clear
          </button>
        </span>
      )}
    </div>
  );
}

const getStyles = (t: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: t.spacing(2),
    alignItems: 'center',
    fontSize: t.typography.bodySmall.fontSize,
    padding: t.spacing(0, 0, 0.5),
    minHeight: 20,
  }),
  list: css({ listStyle: 'none', display: 'flex', gap: t.spacing(0.5), margin: 0, padding: 0, flexWrap: 'wrap' }),
  sep: css({ color: t.colors.text.secondary, marginRight: t.spacing(0.5) }),
  link: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: t.colors.text.link,
    cursor: 'pointer',
    '&:hover': { textDecoration: 'underline' },
  }),
  weak: css({ color: t.colors.text.secondary }),
});
