import React from 'react';
import { css } from '@emotion/css';
import { type Field, formattedValueToString, getDisplayProcessor, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { NodeField } from '../../../model';
import type { MapEdge, MapNode, RowRef } from '../graph/types';

function rows(src: RowRef | undefined, theme: GrafanaTheme2): Array<[string, string]> {
  if (!src) {
    return [];
  }
  return src.fields.flatMap((f: Field) => {
    const v: unknown = f.values[src.row];
    if (v === null || v === undefined || v === '') {
      return [];
    }
    const display = f.display ?? getDisplayProcessor({ field: f, theme });
    const label = f.config.displayName ?? f.name.slice(NodeField.detailPrefix.length);
    return [[label, formattedValueToString(display(v))] as [string, string]];
  });
}

interface Props {
  x: number;
  y: number;
  node?: MapNode;
  edge?: MapEdge;
  edgeTitle?: string;
}

/** Every detail__* field of the row, as text (React escapes it: data never becomes markup). */
export function Tooltip({ x, y, node, edge, edgeTitle }: Props) {
  const theme = useTheme2();
  const s = useStyles2(getStyles);
  const title = node ? node.title : edgeTitle;
  const list = rows(node?.src ?? edge?.src, theme);
  const stats = [node?.subtitle, node?.mainStat ?? edge?.mainStat, node?.secondaryStat ?? edge?.secondaryStat].filter(
    Boolean
  );
  return (
    <div
      className={s.tip}
      style={{ left: x + 14, top: y + 14 }}
      role="tooltip"
      data-testid="faultline-flowgraph-tooltip"
    >
      <div className={s.title}>{title}</div>
      {node?.members && <div>{node.members.length} nodes collapsed — click to expand</div>}
      {stats.length > 0 && <div className={s.weak}>{stats.join(' · ')}</div>}
      {list.length > 0 && (
        <table className={s.table}>
          <tbody>
            {list.map(([k, v], i) => (
              <tr key={i}>
                <td className={s.weak}>{k}</td>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const getStyles = (t: GrafanaTheme2) => ({
  tip: css({
    position: 'absolute',
    pointerEvents: 'none',
    zIndex: 2,
    maxWidth: 360,
    padding: t.spacing(1),
    background: t.colors.background.secondary,
    border: `1px solid ${t.colors.border.medium}`,
    borderRadius: t.shape.radius.default,
    boxShadow: t.shadows.z2,
    fontSize: t.typography.bodySmall.fontSize,
  }),
  title: css({ fontWeight: t.typography.fontWeightMedium, wordBreak: 'break-all' }),
  weak: css({ color: t.colors.text.secondary, paddingRight: t.spacing(1) }),
  table: css({ marginTop: t.spacing(0.5) }),
});
