import React from 'react';
import { DataFrame, FieldColorModeId, FieldConfigProperty, FieldType, PanelPlugin, PanelProps } from '@grafana/data';
import { LegendDisplayMode } from '@grafana/schema';
import { TimeSeries } from '@grafana/ui';
import { AnnotationRegions } from './AnnotationRegions';
import { Frame, NoData } from './StandInBadge';

const CUSTOM_DEFAULTS = {
  drawStyle: 'line',
  lineInterpolation: 'smooth',
  lineWidth: 1,
  fillOpacity: 12,
  gradientMode: 'opacity',
  showPoints: 'never',
  pointSize: 4,
  spanNulls: true,
  axisPlacement: 'auto',
  stacking: { mode: 'none', group: 'A' },
};

function withDefaults(frames: DataFrame[]): DataFrame[] {
  return frames.map((f) => ({
    ...f,
    fields: f.fields.map((field) => ({ ...field, config: { ...field.config, custom: { ...CUSTOM_DEFAULTS, ...field.config.custom } } })),
  }));
}

function TimeSeriesStandIn({ data, width, height, timeZone, timeRange }: PanelProps) {
  const frames = withDefaults(data.series.filter((f) => f.fields.some((x) => x.type === FieldType.time) && f.fields.some((x) => x.type === FieldType.number)));
  return (
    <Frame type="timeseries">
      {frames.length === 0 ? (
        <NoData />
      ) : (
        <TimeSeries
          frames={frames}
          width={width}
          height={height}
          timeRange={timeRange}
          timeZone={timeZone}
          legend={{ showLegend: true, displayMode: LegendDisplayMode.List, placement: 'bottom', calcs: [] }}
        >
          {(config) => <AnnotationRegions config={config} annotations={data.annotations ?? []} />}
        </TimeSeries>
      )}
    </Frame>
  );
}

// Grafana's time series panel colours series from the classic palette unless told otherwise.
export const timeseriesPlugin = new PanelPlugin(TimeSeriesStandIn).useFieldConfig({
  standardOptions: { [FieldConfigProperty.Color]: { defaultValue: { mode: FieldColorModeId.PaletteClassic } } },
});
