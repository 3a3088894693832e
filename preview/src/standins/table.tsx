import React, { useState } from 'react';
import { DataFrame, PanelPlugin, PanelProps } from '@grafana/data';
import { Select, Table, TableSortByFieldState } from '@grafana/ui';
import { Frame, NoData } from './StandInBadge';

/**
 * The fields Grafana 12.4's table draws: all but those whose `custom.hideFrom.viz` is true
 * (getVisibleFields in packages/grafana-ui/src/components/Table/TableNG/utils.ts). The Table
 * @grafana/ui exports here is the older one, which also hides on `custom.hidden`: that flag is
 * dropped so the stand-in hides exactly what Grafana hides, no more.
 */
function visibleFields(frame: DataFrame): DataFrame {
  const fields = frame.fields
    .filter((f) => f.config.custom?.hideFrom?.viz !== true)
    .map((f) =>
      f.config.custom?.hidden ? { ...f, config: { ...f.config, custom: { ...f.config.custom, hidden: undefined } } } : f
    );
  return { ...frame, fields };
}

// Grafana's table panel (public/app/plugins/panel/table/TablePanel.tsx) hands the panel's
// `sortBy` option to the table as its initial sort, so rows are drawn in that order, not the frame's.
function TableStandIn({ data, width, height, options }: PanelProps<{ sortBy?: TableSortByFieldState[] }>) {
  const [index, setIndex] = useState(0);
  const frames = data.series;
  if (frames.every((f) => f.length === 0)) {
    return (
      <Frame type="table">
        <NoData />
      </Frame>
    );
  }
  const i = Math.min(index, frames.length - 1);
  const pickerHeight = frames.length > 1 ? 32 : 0;
  return (
    <Frame type="table">
      {frames.length > 1 && (
        <Select
          width={30}
          value={i}
          options={frames.map((f, n) => ({ value: n, label: f.name || f.refId || `frame ${n + 1}` }))}
          onChange={(v) => setIndex(v.value ?? 0)}
        />
      )}
      <Table
        data={visibleFields(frames[i])}
        width={width}
        height={height - pickerHeight}
        initialSortBy={options.sortBy}
      />
    </Frame>
  );
}

/**
 * The custom field options Grafana's table registers (public/app/plugins/panel/table/addTableCustomConfig.ts)
 * that the pages set: an override applies only to a registered property (setDynamicConfigValue in
 * packages/grafana-data/src/field/fieldOverrides.ts), so an unregistered one is dropped here as there.
 */
export const tablePlugin = new PanelPlugin(TableStandIn).useFieldConfig({
  useCustomConfig: (builder) =>
    builder
      .addNumberInput({ path: 'width', name: 'Column width' })
      .addNumberInput({ path: 'minWidth', name: 'Minimum column width' })
      .addBooleanSwitch({ path: 'filterable', name: 'Column filter' })
      .addBooleanSwitch({ path: 'hideFrom.viz', name: 'Hide in table', hideFromDefaults: true }),
});
