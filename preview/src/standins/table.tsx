import React, { useState } from 'react';
import { PanelPlugin, PanelProps } from '@grafana/data';
import { Select, Table } from '@grafana/ui';
import { Frame, NoData } from './StandInBadge';

function TableStandIn({ data, width, height }: PanelProps) {
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
      <Table data={frames[i]} width={width} height={height - pickerHeight} />
    </Frame>
  );
}

export const tablePlugin = new PanelPlugin(TableStandIn).useFieldConfig();
