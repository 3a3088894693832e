import React from 'react';
import { DataFrame, PanelPlugin, PanelProps } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { Frame, NoData } from './StandInBadge';

const values = (frame: DataFrame | undefined, name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];

/** Nodes on a circle, edges as lines: enough to see that a node graph frame arrived intact. */
function NodeGraphStandIn({ data, width, height }: PanelProps) {
  const theme = useTheme2();
  const nodes = data.series.find((f) => f.name === 'nodes' || (f.meta?.preferredVisualisationType === 'nodeGraph' && values(f, 'source').length === 0));
  const edges = data.series.find((f) => f.name === 'edges' || values(f, 'source').length > 0);
  if (!nodes) {
    return (
      <Frame type="nodeGraph">
        <NoData message="No nodes frame" />
      </Frame>
    );
  }
  const ids = values(nodes, 'id').map(String);
  const titles = values(nodes, 'title');
  const r = Math.min(width, height) / 2 - 40;
  const pos = new Map(ids.map((id, i) => [id, [width / 2 + r * Math.cos((2 * Math.PI * i) / ids.length), height / 2 + r * Math.sin((2 * Math.PI * i) / ids.length)]]));
  const src = values(edges, 'source');
  const dst = values(edges, 'target');
  return (
    <Frame type="nodeGraph">
      <svg width={width} height={height} data-testid="standin-nodegraph-svg" data-node-count={ids.length}>
        {src.map((s, i) => {
          const a = pos.get(String(s));
          const b = pos.get(String(dst[i]));
          return a && b ? <line key={i} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} stroke={theme.colors.border.strong} /> : null;
        })}
        {ids.map((id, i) => {
          const [cx, cy] = pos.get(id)!;
          return (
            <g key={id}>
              <circle cx={cx} cy={cy} r={10} fill={theme.colors.primary.main} />
              <text x={cx} y={cy + 24} textAnchor="middle" fontSize={11} fill={theme.colors.text.primary}>
                {String(titles[i] ?? id)}
              </text>
            </g>
          );
        })}
      </svg>
    </Frame>
  );
}

export const nodeGraphPlugin = new PanelPlugin(NodeGraphStandIn);
