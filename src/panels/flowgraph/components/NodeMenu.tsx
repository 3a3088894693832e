import React from 'react';
import { ContextMenu, MenuItem } from '@grafana/ui';
import type { MenuLink } from '../panel/links';

interface Props {
  x: number;
  y: number;
  title: string;
  links: MenuLink[];
  focusLabel: string;
  onFocus(): void;
  group?: { label: string; onToggle(): void };
  pathsTo?: { label: string; onClick(): void };
  onClose(): void;
}

/** Click menu of a node: focus, collapse or expand its group, and its links (already safeUrl'd). */
export function NodeMenu({ x, y, title, links, focusLabel, onFocus, group, pathsTo, onClose }: Props) {
  return (
    <ContextMenu
      x={x}
      y={y}
      onClose={onClose}
      focusOnOpen
      renderHeader={() => <div style={{ padding: '4px 8px', fontWeight: 500, wordBreak: 'break-all' }}>{title}</div>}
      renderMenuItems={() => (
        <>
          <MenuItem label={focusLabel} icon="eye" onClick={onFocus} />
          {group && <MenuItem label={group.label} icon="layer-group" onClick={group.onToggle} />}
          {pathsTo && <MenuItem label={pathsTo.label} icon="arrow-right" onClick={pathsTo.onClick} />}
          {links.map((l) => (
            <MenuItem key={l.label} label={l.label} icon="external-link-alt" url={l.href} />
          ))}
        </>
      )}
    />
  );
}
