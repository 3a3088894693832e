import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { IconButton, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import type { GroupBy } from '../graph/collapse';
import type { Noise } from '../graph/noise';
import { NoiseToggles } from './NoiseToggles';
import type { Overlay } from '../render/style';

interface Props {
  query: string;
  onQuery(q: string): void;
  matchCount: number;
  filter: string;
  onFilter(f: string): void;
  filterError?: string;
  groupBy: GroupBy;
  onGroupBy(g: GroupBy): void;
  /** Hidden while the map's levels group the nodes. */
  showGroupBy: boolean;
  noise: Noise;
  onNoise(n: Noise): void;
  floorLabel: string;
  clusters: boolean;
  overlay: Exclude<Overlay, 'auto'>;
  overlays: Array<Exclude<Overlay, 'auto'>>;
  onOverlay(o: Overlay): void;
  focused?: string;
  onClearFocus(): void;
  onFit(): void;
  onZoom(f: number): void;
}

const GROUPS: Array<{ value: GroupBy; label: string }> = [
  { value: 'none', label: 'Ungrouped' },
  { value: 'team', label: 'Team' },
  { value: 'namespace', label: 'Namespace' },
  { value: 'owner', label: 'Owner' },
];

export function Toolbar(p: Props) {
  const s = useStyles2(getStyles);
  return (
    <div className={s.bar} role="toolbar" aria-label="Flow map controls">
      <div className={s.search}>
        <Input
          placeholder="Search nodes (/)"
          aria-label="Search nodes"
          value={p.query}
          onChange={(e) => p.onQuery(e.currentTarget.value)}
          suffix={p.query ? `${p.matchCount}` : undefined}
          data-testid="faultline-flowgraph-search"
        />
      </div>
      <div className={s.filter}>
        <Input
          placeholder="Filter: team=payments errors>1% bytes>10MB"
          aria-label="Filter expression"
          aria-invalid={!!p.filterError}
          invalid={!!p.filterError}
          title={p.filterError}
          value={p.filter}
          onChange={(e) => p.onFilter(e.currentTarget.value)}
          data-testid="faultline-flowgraph-filter"
        />
      </div>
      {p.showGroupBy && (
        <RadioButtonGroup size="sm" aria-label="Group by" options={GROUPS} value={p.groupBy} onChange={p.onGroupBy} />
      )}
      <NoiseToggles noise={p.noise} onNoise={p.onNoise} floorLabel={p.floorLabel} clusters={p.clusters} />
      {p.overlays.length > 1 && (
        <RadioButtonGroup
          size="sm"
          aria-label="Overlay"
          options={p.overlays.map((o) => ({
            value: o,
            label: o === 'none' ? 'No overlay' : o[0].toUpperCase() + o.slice(1),
          }))}
          value={p.overlay}
          onChange={(o) => p.onOverlay(o)}
        />
      )}
      {p.focused && (
        <IconButton
          name="times"
          tooltip={`Clear focus on ${p.focused}`}
          aria-label="Clear focus"
          onClick={p.onClearFocus}
        />
      )}
      <IconButton name="search-plus" tooltip="Zoom in (+)" onClick={() => p.onZoom(1.25)} />
      <IconButton name="search-minus" tooltip="Zoom out (-)" onClick={() => p.onZoom(0.8)} />
      <IconButton name="capture" tooltip="Fit (f)" aria-label="Fit" onClick={p.onFit} />
    </div>
  );
}

const getStyles = (t: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: t.spacing(1),
    padding: t.spacing(0, 0, 0.5),
  }),
  // Inputs size to their wrapper, not to the browser's default of ~20 characters.
  search: css({
    flex: '0 1 180px',
    minWidth: 120,
    '& > div, & input': { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  }),
  filter: css({
    flex: '1 1 240px',
    minWidth: 160,
    '& > div, & input': { width: '100%', minWidth: 0, boxSizing: 'border-box' },
  }),
});
