import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { Legend } from './components/Legend';
import { NodeMenu } from './components/NodeMenu';
import { Notices } from './components/Notices';
import { Summary } from './components/Summary';
import { Toolbar } from './components/Toolbar';
import { Tooltip } from './components/Tooltip';
import { parseFilter } from './filter/parse';
import { type GroupBy, groupKey, UNGROUPED } from './graph/collapse';
import type { FlowGraph } from './graph/types';
import { useCanvasDraw } from './hooks/useCanvasDraw';
import { useFlowModel } from './hooks/useFlowModel';
import { KEY_HELP, useKeyboard } from './hooks/useKeyboard';
import { useLayout } from './hooks/useLayout';
import { useHeight } from './hooks/useHeight';
import { useOptionState } from './hooks/useOptionState';
import { useScene } from './hooks/useScene';
import { usePanZoom } from './hooks/usePanZoom';
import { type Hit, usePointer } from './hooks/usePointer';
import { type LinkContext, nodeLinks } from './panel/links';
import { colorsFromTheme } from './render/colors';
import { availableOverlays, type Overlay } from './render/style';
import { bounds, fitView } from './render/viewport';
import type { FlowGraphOptions } from './types';

interface Props {
  graph: FlowGraph;
  options: FlowGraphOptions;
  width: number;
  height: number;
  notices: string[];
  links: LinkContext;
}

const formatCost = (v: number) => formattedValueToString(getValueFormat('currencyUSD')(v, 2));
/** Toolbar height assumed until the map's own height is measured. */
const TOOLBAR = 40;

export function FlowMap({ graph, options, width, height, notices, links }: Props) {
  const theme = useTheme2();
  const colors = useMemo(() => colorsFromTheme(theme), [theme]);
  const s = useStyles2(getStyles);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useOptionState(options.filter);
  const [groupBy, setGroupBy] = useOptionState<GroupBy>(options.groupBy);
  const [overlay, setOverlay] = useOptionState<Overlay>(options.overlay);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusId, setFocusId] = useState<string | undefined>();
  const [selected, setSelected] = useState(-1);
  /** Menu position in client (page) coordinates, as ContextMenu wants. */
  const [menu, setMenu] = useState<{ index: number; x: number; y: number } | undefined>();

  const parsed = useMemo(() => parseFilter(filter), [filter]);
  const clauses = useMemo(() => (parsed.ok ? parsed.clauses : []), [parsed]);
  const model = useFlowModel(
    graph,
    { groupBy, collapsed, colorBy: options.colorBy, overlay, clauses, query, focusId, focusHops: options.focusHops },
    colors,
    formatCost
  );
  const layout = useLayout(model.view, options.layout);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const mapHeight = useHeight(box, Math.max(50, height - TOOLBAR - (notices.length + (layout.notice ? 1 : 0)) * 18));
  const { view, setView, zoomBy, dragged } = usePanZoom(box);

  const { positions, scene, groups } = useScene(model, layout.positions, groupBy, colors, options.showLabels, selected);
  const fit = useCallback(() => {
    if (positions) {
      setView(fitView(bounds(positions, model.visible), width, mapHeight));
    }
  }, [positions, model.visible, width, mapHeight, setView]);
  // Fit when a layout arrives for a different set of nodes, or the focus changes; not on refresh.
  const fitted = useRef('');
  useEffect(() => {
    const key = `${layout.engine}:${model.view.nodes.length}:${focusId ?? ''}:${clauses.length}`;
    if (positions && (layout.engine !== 'incremental' || fitted.current === '') && fitted.current !== key) {
      fitted.current = key;
      fit();
    }
  }, [positions, layout.engine, model.view.nodes.length, focusId, clauses.length, fit]);

  const onClick = useCallback((hit: Hit | undefined) => {
    if (hit?.kind === 'node') {
      setSelected(hit.index);
      setMenu({ index: hit.index, x: hit.clientX, y: hit.clientY });
    } else {
      setMenu(undefined);
    }
  }, []);
  const hover = usePointer(box, scene, view, dragged, onClick);
  const drawnScene = useMemo(
    () => (scene ? { ...scene, hovered: hover?.kind === 'node' ? hover.index : -1 } : undefined),
    [scene, hover]
  );
  useCanvasDraw(canvas, drawnScene, view, width, mapHeight, colors);

  const toggleGroup = useCallback((key: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      next.has(key) ? next.delete(key) : next.add(key);
      return next;
    });
  }, []);
  const matchList = useMemo(() => [...model.matches], [model.matches]);
  const centreOn = useCallback(
    (i: number) =>
      positions &&
      setView((v) => ({ ...v, x: width / 2 - positions[2 * i] * v.k, y: mapHeight / 2 - positions[2 * i + 1] * v.k })),
    [positions, width, mapHeight, setView]
  );
  const onKey = useKeyboard(
    useMemo(
      () => ({
        pan: (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy })),
        zoom: (f: number) => zoomBy(f, width / 2, mapHeight / 2),
        fit,
        search: () => wrap.current?.querySelector<HTMLInputElement>('input[aria-label="Search nodes"]')?.focus(),
        nextMatch: () => {
          if (matchList.length) {
            const next = matchList[(matchList.indexOf(selected) + 1) % matchList.length];
            setSelected(next);
            centreOn(next);
          }
        },
        focusSelected: () => selected >= 0 && setFocusId(model.view.nodes[selected]?.id),
        openMenu: () => {
          const r = box.current?.getBoundingClientRect();
          if (selected >= 0 && positions && r) {
            setMenu({
              index: selected,
              x: r.left + positions[2 * selected] * view.k + view.x,
              y: r.top + positions[2 * selected + 1] * view.k + view.y,
            });
          }
        },
        clear: () => {
          setMenu(undefined);
          setFocusId(undefined);
          setSelected(-1);
        },
      }),
      [setView, zoomBy, width, mapHeight, fit, matchList, selected, centreOn, model.view, positions, view]
    )
  );

  const menuNode = menu ? model.view.nodes[menu.index] : undefined;
  const menuKey = menuNode && !menuNode.members ? groupKey(menuNode, groupBy) : undefined;
  const overlays = useMemo(() => availableOverlays(model.summary), [model.summary]);
  const hoverNode = hover?.kind === 'node' ? model.view.nodes[hover.index] : undefined;
  const hoverEdge = hover?.kind === 'edge' ? model.view.edges[hover.index] : undefined;
  const shown = model.visible.reduce((a, b) => a + b, 0);
  const allNotices = [...notices, ...(layout.notice ? [layout.notice] : [])];
  if (!parsed.ok) {
    allNotices.push(parsed.error);
  }
  if (layout.running) {
    allNotices.push(
      `Laying out ${model.view.nodes.length.toLocaleString('en-US')} nodes… ${Math.round(layout.progress * 100)}%`
    );
  }

  return (
    <div ref={wrap} className={s.wrap} style={{ width, height }} data-testid="faultline-flowgraph">
      <Toolbar
        query={query}
        onQuery={setQuery}
        matchCount={model.matches.size}
        filter={filter}
        onFilter={setFilter}
        filterError={parsed.ok ? undefined : parsed.error}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        overlay={model.styles.overlay}
        overlays={overlays}
        onOverlay={setOverlay}
        focused={focusId}
        onClearFocus={() => setFocusId(undefined)}
        onFit={fit}
        onZoom={(f) => zoomBy(f, width / 2, mapHeight / 2)}
      />
      <Notices items={allNotices} />
      <div
        ref={box}
        className={s.map}

        tabIndex={0}
        role="application"
        aria-label="Service flow map"
        aria-description={KEY_HELP}
        onKeyDown={onKey}
      >
        <canvas
          ref={canvas}
          style={{ width, height: mapHeight, display: 'block' }}
          data-testid="faultline-flowgraph-canvas"
        />
        <Legend items={model.styles.legend} />
        {hover && !menu && (hoverNode || hoverEdge) && (
          <Tooltip
            x={hover.x}
            y={hover.y}
            node={hoverNode}
            edge={hoverEdge}
            edgeTitle={
              hoverEdge
                ? `${model.view.nodes[hoverEdge.source].title} → ${model.view.nodes[hoverEdge.target].title}`
                : undefined
            }
          />
        )}
        {menu && menuNode && (
          <NodeMenu
            x={menu.x}
            y={menu.y}
            title={menuNode.title}
            links={nodeLinks(menuNode, links)}
            focusLabel={`Focus on ${menuNode.title} (${options.focusHops} hop${options.focusHops === 1 ? '' : 's'})`}
            onFocus={() => setFocusId(menuNode.id)}
            group={
              menuNode.members
                ? { label: `Expand ${menuNode.title}`, onToggle: () => toggleGroup(menuNode.title) }
                : menuKey !== undefined
                  ? {
                      label: `Collapse ${menuKey === UNGROUPED ? 'ungrouped nodes' : menuKey}`,
                      onToggle: () => toggleGroup(menuKey),
                    }
                  : undefined
            }
            onClose={() => setMenu(undefined)}
          />
        )}
      </div>
      <Summary
        shown={shown}
        total={model.view.nodes.length}
        edges={model.view.edges.length}
        engine={layout.engine}
        layoutMs={layout.ms}
        running={layout.running}
        overlay={model.styles.overlay}
        summary={model.summary}
        matches={model.matches.size}
        focused={focusId}
        selected={selected >= 0 ? model.view.nodes[selected]?.title : undefined}
        groups={groupBy === 'none' ? 0 : groups.length + collapsed.size}
        totalCost={model.summary.totalCost !== undefined ? formatCost(model.summary.totalCost) : undefined}
      />
    </div>
  );
}

const getStyles = (t: GrafanaTheme2) => ({
  wrap: css({ position: 'relative', display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  map: css({
    position: 'relative',
    flex: '1 1 0',
    minHeight: 0,
    overflow: 'hidden',
    cursor: 'grab',
    outline: 'none',
    '&:focus-visible': { boxShadow: `inset 0 0 0 2px ${t.colors.primary.border}` },
  }),
});
