import type { DataFrame, Field, FieldConfig } from '@grafana/data';

/**
 * What Grafana's Node Graph panel prints for a stat (public/app/plugins/panel/nodeGraph/utils.ts,
 * statToString): text as it is; a number with `decimals || 2` places and the unit's id after a space
 * (no display processor, so 0 decimals still gives 2); anything else, NaN and null included, nothing.
 */
export function statToString(config: FieldConfig, value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  const decimals = config.decimals || 2;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value.toFixed(decimals) + (config.unit ? ' ' + config.unit : '');
  }
  return '';
}

/** The panel finds its fields by lower-cased name (utils.ts getNodeFields / getEdgeFields). */
function statField(frame: DataFrame | undefined, name: 'mainstat' | 'secondarystat'): Field | undefined {
  return frame?.fields.find((f) => f.name.toLowerCase() === name);
}

/** The main and secondary stat lines of each row, as the Node Graph prints them. */
export function statLines(frame: DataFrame | undefined): string[][] {
  const main = statField(frame, 'mainstat');
  const second = statField(frame, 'secondarystat');
  return Array.from({ length: frame?.length ?? 0 }, (_, row) =>
    [main, second].flatMap((f) => (f ? [statToString(f.config, f.values[row])] : [])).filter((s) => s !== '')
  );
}
