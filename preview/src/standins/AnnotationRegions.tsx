/**
 * Annotation overlays on the time-series stand-in: one band per region annotation (a chaos run from
 * start to end), a line per point annotation, coloured by the annotation's colour. Drawn through
 * @grafana/ui's EventsCanvas, the same uPlot hook points Grafana's annotation plugin uses.
 */
import React, { useLayoutEffect, useRef } from 'react';
import { colorManipulator, DataFrame } from '@grafana/data';
import { EventsCanvas, UPlotConfigBuilder, useTheme2 } from '@grafana/ui';

type UPlot = { valToPos: (v: number, scale: string) => number; bbox: { width: number; height: number } };

function column(frame: DataFrame, name: string): unknown[] {
  return frame.fields.find((f) => f.name === name)?.values ?? [];
}

export function AnnotationRegions({ config, annotations }: { config: UPlotConfigBuilder; annotations: DataFrame[] }) {
  const plot = useRef<UPlot | undefined>(undefined);
  const theme = useTheme2();
  useLayoutEffect(() => {
    config.addHook('init', (u) => {
      plot.current = u as unknown as UPlot;
    });
  }, [config]);

  return (
    <EventsCanvas
      id="preview-annotations"
      config={config}
      events={annotations}
      mapEventToXYCoords={(frame, i) => {
        const u = plot.current;
        const time = Number(column(frame, 'time')[i]);
        if (!u || !Number.isFinite(time)) {
          return undefined;
        }
        return { x: u.valToPos(time, 'x'), y: 0 };
      }}
      renderEventMarker={(frame, i) => {
        const u = plot.current!;
        const time = Number(column(frame, 'time')[i]);
        const end = Number(column(frame, 'timeEnd')[i]);
        const isRegion = Boolean(column(frame, 'isRegion')[i]) || (Number.isFinite(end) && end > time);
        const x = u.valToPos(time, 'x');
        const x2 = isRegion ? u.valToPos(Number.isFinite(end) ? end : Date.now(), 'x') : x;
        const color = theme.visualization.getColorByName(String(column(frame, 'color')[i] || theme.colors.primary.main));
        const text = String(column(frame, 'text')[i] ?? column(frame, 'title')[i] ?? '');
        const height = u.bbox.height / window.devicePixelRatio;
        return (
          <div
            data-testid="preview-annotation"
            data-region={isRegion ? 'true' : 'false'}
            title={text}
            style={{
              width: Math.max(2, x2 - x),
              height,
              background: isRegion ? colorManipulator.alpha(color, 0.18) : 'transparent',
              borderLeft: `2px solid ${color}`,
              borderRight: isRegion ? `1px dashed ${color}` : undefined,
              boxSizing: 'border-box',
            }}
          />
        );
      }}
    />
  );
}
