import React, { useState } from 'react';
import { PanelPlugin, PanelProps } from '@grafana/data';
import { Select, Table, TableSortByFieldState } from '@grafana/ui';
import { Frame, NoData } from './StandInBadge';

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
      <Table data={frames[i]} width={width} height={height - pickerHeight} initialSortBy={options.sortBy} />
    </Frame>
  );
}

export const tablePlugin = new PanelPlugin(TableStandIn).useFieldConfig();
