import type { GrafanaTheme2 } from '@grafana/data';

/** The colours the canvas uses, taken once from the Grafana theme so drawing stays theme-free. */
export interface Colors {
  background: string;
  text: string;
  textWeak: string;
  edge: string;
  border: string;
  series: string[];
  ok: string;
  warn: string;
  bad: string;
  target: string;
  upstream: string;
  downstream: string;
  added: string;
  vanished: string;
  changed: string;
  cost: string;
  costliest: string;
  match: string;
  focus: string;
}

export function colorsFromTheme(theme: GrafanaTheme2): Colors {
  const c = (name: string) => theme.visualization.getColorByName(name);
  return {
    background: theme.colors.background.primary,
    text: theme.colors.text.primary,
    textWeak: theme.colors.text.secondary,
    edge: theme.colors.text.disabled,
    border: theme.colors.border.medium,
    series: theme.visualization.palette.map(c),
    ok: c('green'),
    warn: c('orange'),
    bad: c('red'),
    target: c('red'),
    upstream: c('orange'),
    downstream: c('purple'),
    added: c('green'),
    vanished: theme.colors.text.disabled,
    changed: c('orange'),
    cost: c('yellow'),
    costliest: c('red'),
    match: theme.colors.primary.main,
    focus: theme.colors.primary.text,
  };
}

/** Stable colour per key (team, namespace): the same team keeps its colour across refreshes. */
export function keyColor(key: string, series: string[]): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  }
  return series[(h >>> 0) % series.length];
}
