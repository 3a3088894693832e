import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

/** Data-shape warnings and layout state above the map: small, never covering it. */
export function Notices({ items }: { items: string[] }) {
  const s = useStyles2(getStyles);
  if (items.length === 0) {
    return null;
  }
  return (
    <ul className={s.list} data-testid="faultline-flowgraph-notices">
      {items.map((t) => (
        <li key={t}>
          <Icon name="info-circle" size="sm" /> {t}
        </li>
      ))}
    </ul>
  );
}

const getStyles = (t: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: t.spacing(0, 0, 0.5),
    color: t.colors.warning.text,
    fontSize: t.typography.bodySmall.fontSize,
  }),
});
