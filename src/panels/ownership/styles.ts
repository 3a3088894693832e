import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** Colours come from the theme only, so light and dark both read well. */
export const getStyles = (t: GrafanaTheme2) => ({
  root: css({
    height: '100%',
    overflow: 'auto',
    display: 'flex',
    flexWrap: 'wrap',
    alignContent: 'flex-start',
    gap: t.spacing(1),
  }),
  card: css({
    flex: '1 1 280px',
    minWidth: 0,
    padding: t.spacing(1, 1.5),
    border: `1px solid ${t.colors.border.weak}`,
    borderRadius: t.shape.radius.default,
    background: t.colors.background.secondary,
  }),
  header: css({
    display: 'flex',
    alignItems: 'baseline',
    gap: t.spacing(1),
    flexWrap: 'wrap',
    marginBottom: t.spacing(0.5),
  }),
  name: css({ fontSize: t.typography.h4.fontSize, fontWeight: t.typography.fontWeightMedium, margin: 0 }),
  badge: css({
    fontSize: t.typography.bodySmall.fontSize,
    padding: t.spacing(0, 0.75),
    borderRadius: t.shape.radius.pill,
    background: t.colors.background.canvas,
    color: t.colors.text.secondary,
    border: `1px solid ${t.colors.border.weak}`,
  }),
  description: css({ color: t.colors.text.secondary, margin: t.spacing(0, 0, 1), overflowWrap: 'anywhere' }),
  grid: css({ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: t.spacing(0.25, 1.5), margin: 0 }),
  label: css({ color: t.colors.text.secondary }),
  value: css({ margin: 0, minWidth: 0, overflowWrap: 'anywhere', a: { color: t.colors.text.link } }),
  absent: css({ color: t.colors.text.disabled, fontStyle: 'italic' }),
  missing: css({
    margin: t.spacing(1, 0, 0),
    padding: t.spacing(0.5, 1, 0.5, 3),
    background: t.colors.warning.transparent,
    borderLeft: `3px solid ${t.colors.warning.border}`,
    color: t.colors.text.primary,
    fontSize: t.typography.bodySmall.fontSize,
    code: { fontSize: 'inherit', background: 'transparent', padding: 0 },
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: t.typography.bodySmall.fontSize,
    'th, td': {
      textAlign: 'left',
      padding: t.spacing(0.5, 1),
      borderBottom: `1px solid ${t.colors.border.weak}`,
      verticalAlign: 'top',
    },
    th: {
      color: t.colors.text.secondary,
      fontWeight: t.typography.fontWeightMedium,
      position: 'sticky',
      top: 0,
      background: t.colors.background.primary,
    },
    a: { color: t.colors.text.link },
    code: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  }),
  tableWrap: css({ height: '100%', width: '100%', overflow: 'auto' }),
  gapCount: css({ color: t.colors.warning.text, minWidth: 220, overflowWrap: 'anywhere' }),
  notice: css({ flexBasis: '100%', color: t.colors.warning.text, fontSize: t.typography.bodySmall.fontSize }),
  empty: css({ color: t.colors.text.secondary, padding: t.spacing(1) }),
});
export type OwnershipStyles = ReturnType<typeof getStyles>;
