import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { LegendItem } from '../render/style';

export function Legend({ items }: { items: LegendItem[] }) {
  const s = useStyles2(getStyles);
  if (items.length === 0) {
    return null;
  }
  return (
    <ul className={s.legend} aria-label="Legend" data-testid="faultline-flowgraph-legend">
      {items.map((it) => (
        <li key={it.label} className={s.item}>
          <span
            className={s.swatch}
            style={
              it.ring
                ? { border: `2px solid ${it.color}` }
                : it.dashed
                  ? { borderTop: `2px dashed ${it.color}`, height: 0 }
                  : { background: it.color }
            }
          />
          {it.label}
        </li>
      ))}
    </ul>
  );
}

const getStyles = (t: GrafanaTheme2) => ({
  legend: css({
    position: 'absolute',
    left: t.spacing(1),
    bottom: t.spacing(1),
    margin: 0,
    padding: t.spacing(0.5, 1),
    listStyle: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: t.spacing(0.5, 1.5),
    maxWidth: '70%',
    background: t.colors.background.primary,
    opacity: 0.92,
    borderRadius: t.shape.radius.default,
    fontSize: t.typography.bodySmall.fontSize,
  }),
  item: css({ display: 'flex', alignItems: 'center', gap: t.spacing(0.5) }),
  swatch: css({ display: 'inline-block', width: 12, height: 12, borderRadius: '50%' }),
});
