import React from 'react';
import { DataFrame, PanelPlugin, PanelProps } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { statLines } from './nodeGraphStats';
import { Frame, NoData } from './StandInBadge';

const values = (frame: DataFrame | undefined, name: string) => frame?.fields.find((f) => f.name === name)?.values ?? [];

/**
 * Nodes on a circle, edges as lines, and each stat printed as Grafana's Node Graph prints it
 * (nodeGraphStats.ts): enough to see that a node graph frame arrived intact and reads well.
 */
function NodeGraphStandIn({ data, width, height }: PanelProps) {
  const theme = useTheme2();
  const nodes = data.series.find(
    (f) =>
      f.name === 'nodes' || (f.meta?.preferredVisualisationType === 'nodeGraph' && values(f, 'source').length === 0)
  );
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
  const pos = new Map(
    ids.map((id, i) => [
      id,
      [
        width / 2 + r * Math.cos((2 * Math.PI * i) / ids.length),
        height / 2 + r * Math.sin((2 * Math.PI * i) / ids.length),
      ],
    ])
  );
  const src = values(edges, 'source');
  const dst = values(edges, 'target');
  const nodeStats = statLines(nodes);
  const edgeStats = statLines(edges);
  return (
    <Frame type="nodeGraph">
      <svg width={width} height={height} data-testid="standin-nodegraph-svg" data-node-count={ids.length}>
        {src.map((s, i) => {
          const a = pos.get(String(s));
          const b = pos.get(String(dst[i]));
          return a && b ? (
            <g key={i}>
              <line x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} stroke={theme.colors.border.strong} />
              <text
                x={(a[0] + b[0]) / 2}
                y={(a[1] + b[1]) / 2}
                textAnchor="middle"
                fontSize={10}
                fill={theme.colors.text.secondary}
                data-testid="standin-nodegraph-edge-stat"
              >
                {(edgeStats[i] ?? []).join(' / ')}
              </text>
            </g>
          ) : null;
        })}
        {ids.map((id, i) => {
          const [cx, cy] = pos.get(id)!;
          return (
            <g key={id}>
              <circle cx={cx} cy={cy} r={10} fill={theme.colors.primary.main} />
              <text x={cx} y={cy + 24} textAnchor="middle" fontSize={11} fill={theme.colors.text.primary}>
                {String(titles[i] ?? id)}
              </text>
              {(nodeStats[i] ?? []).map((line, j) => (
                <text
                  key={j}
                  x={cx}
                  y={cy + 37 + 12 * j}
                  textAnchor="middle"
                  fontSize={10}
                  fill={theme.colors.text.secondary}
                  data-testid="standin-nodegraph-node-stat"
                >
                  {line}
                </text>
              ))}
            </g>
          );
        })}
      </svg>
    </Frame>
  );
}

export const nodeGraphPlugin = new PanelPlugin(NodeGraphStandIn);
