import React, { useEffect, useRef } from 'react';
import { DataFrame, PanelProps } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { FlowGraphOptions } from './types';

function fieldValues(frame: DataFrame | undefined, name: string): unknown[] {
  return frame?.fields.find((f) => f.name === name)?.values ?? [];
}

export function FlowGraphPanel({ data, width, height }: PanelProps<FlowGraphOptions>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme2();
  const nodes = data.series.find((f) => f.name === 'nodes' || f.meta?.preferredVisualisationType === 'nodeGraph');
  const edges = data.series.find((f) => f.name === 'edges');
  const ids = fieldValues(nodes, 'id').map(String);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.clearRect(0, 0, width, height);
    const r = Math.min(width, height) / 2 - 20;
    const pos = new Map(ids.map((id, i) => [id, [width / 2 + r * Math.cos((2 * Math.PI * i) / ids.length), height / 2 + r * Math.sin((2 * Math.PI * i) / ids.length)]]));
    ctx.strokeStyle = theme.colors.border.strong;
    const src = fieldValues(edges, 'source');
    const dst = fieldValues(edges, 'target');
    src.forEach((s, i) => {
      const a = pos.get(String(s));
      const b = pos.get(String(dst[i]));
      if (a && b) {
        ctx.beginPath();
        ctx.moveTo(a[0], a[1]);
        ctx.lineTo(b[0], b[1]);
        ctx.stroke();
      }
    });
    ctx.fillStyle = theme.colors.primary.main;
    pos.forEach(([x, y]) => {
      ctx.beginPath();
      ctx.arc(x, y, 6, 0, 2 * Math.PI);
      ctx.fill();
    });
  }, [ids, edges, width, height, theme]);

  if (!nodes) {
    return <div data-testid="faultline-flowgraph-empty">No node graph frame: the query must return a frame named nodes.</div>;
  }
  return <canvas data-testid="faultline-flowgraph-canvas" data-node-count={ids.length} ref={canvas} width={width} height={height} />;
}
