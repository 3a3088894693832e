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

/**
 * Distinct colours for keys (teams, namespaces): keys sorted by name take the palette in order, so
 * two teams share a colour only beyond the palette's length, and a refresh with the same teams
 * keeps every colour.
 */
export function keyColors(keys: string[], series: string[]): (key: string) => string {
  const order = new Map([...new Set(keys)].sort().map((k, i) => [k, series[i % series.length]]));
  return (key) => order.get(key) ?? series[0];
}

function rgb(color: string): [number, number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color);
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, '$&$&') : hex[1];
    return [
      parseInt(h.slice(0, 2), 16),
      parseInt(h.slice(2, 4), 16),
      parseInt(h.slice(4, 6), 16),
      h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1,
    ];
  }
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)$/i.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
}

const mixed = new Map<string, string>();

/** `color` at `alpha` over `background`, as one opaque colour (cached: a frame asks thousands of times). */
export function mix(color: string, background: string, alpha: number): string {
  const key = `${color}|${background}|${alpha}`;
  let out = mixed.get(key);
  if (out === undefined) {
    const a = rgb(color);
    const b = rgb(background);
    if (!a || !b) {
      out = color;
    } else {
      const t = alpha * a[3];
      out = `rgb(${[0, 1, 2].map((i) => Math.round(a[i] * t + b[i] * (1 - t))).join(',')})`;
    }
    mixed.set(key, out);
  }
  return out;
}
