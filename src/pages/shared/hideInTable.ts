import type { TableFieldOptions } from '@grafana/schema';

/** What a table's `setOverrides` hands its callback, narrowed to what hiding needs. */
interface OverridesBuilder {
  matchFieldsWithName(name: string): {
    overrideCustomFieldConfig<T extends TableFieldOptions, K extends keyof T>(id: K, value: T[K]): unknown;
  };
}

/**
 * Hides helper columns (ids and urls that links read) from a table panel. Grafana applies an
 * override only when its property id is one the panel registered (setDynamicConfigValue in
 * packages/grafana-data/src/field/fieldOverrides.ts); the table registers `custom.hideFrom.viz`
 * (public/app/plugins/panel/table/addTableCustomConfig.ts), not `custom.hideFrom`, and draws a
 * field unless `custom.hideFrom.viz` is true (getVisibleFields in
 * packages/grafana-ui/src/components/Table/TableNG/utils.ts). So the property is that one path.
 */
export function hideInTable(b: OverridesBuilder, names: readonly string[]) {
  for (const name of names) {
    b.matchFieldsWithName(name).overrideCustomFieldConfig<
      TableFieldOptions & { 'hideFrom.viz': boolean },
      'hideFrom.viz'
    >('hideFrom.viz', true);
  }
}
