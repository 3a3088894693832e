import React from 'react';
import { DataFrame, Field, FieldType, getFieldDisplayName, PanelPlugin, PanelProps } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { Frame, NoData } from './StandInBadge';

interface Row {
  name: string;
  time: number[];
  field: Field;
}

/** Grafana's state-timeline input: a time field, then one row per other field; a value lasts until the next. */
function rowsOf(frames: DataFrame[]): Row[] {
  return frames.flatMap((frame) => {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      return [];
    }
    return frame.fields
      .filter((f) => f !== time)
      // Grafana's own naming: config.displayName first, then the frame name for a lone value field.
      .map((field) => ({ name: getFieldDisplayName(field, frame, frames), time: time.values.map(Number), field }));
  });
}

function StateTimelineStandIn({ data, width, height, timeRange }: PanelProps) {
  const theme = useTheme2();
  const rows = rowsOf(data.series);
  if (rows.length === 0) {
    return (
      <Frame type="state-timeline">
        <NoData />
      </Frame>
    );
  }
  const label = 140;
  const from = timeRange.from.valueOf();
  const to = timeRange.to.valueOf();
  const x = (t: number) => label + ((Math.min(Math.max(t, from), to) - from) / (to - from)) * (width - label - 8);
  const rowH = Math.max(14, Math.min(40, (height - 24) / rows.length));
  return (
    <Frame type="state-timeline">
      <svg width={width} height={height} data-testid="standin-state-timeline-svg">
        {rows.map((row, r) => (
          <g key={r} transform={`translate(0, ${r * rowH + 4})`}>
            <text x={4} y={rowH / 2 + 4} fill={theme.colors.text.primary} fontSize={12}>
              {row.name.slice(0, 22)}
            </text>
            {row.time.map((t, i) => {
              const v = row.field.values[i];
              if (v === null || v === undefined || v === '') {
                return null;
              }
              const end = i + 1 < row.time.length ? row.time[i + 1] : to;
              const disp = row.field.display?.(v);
              return (
                <rect key={i} x={x(t)} y={2} width={Math.max(1, x(end) - x(t))} height={rowH - 4} fill={disp?.color ?? theme.colors.primary.main} opacity={0.8}>
                  <title>{`${row.name}: ${disp?.text ?? String(v)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
    </Frame>
  );
}

export const stateTimelinePlugin = new PanelPlugin(StateTimelineStandIn).useFieldConfig();
