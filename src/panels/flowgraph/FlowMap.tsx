import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { formattedValueToString, getValueFormat, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { Breadcrumb } from './components/Breadcrumb';
import { Legend } from './components/Legend';
import { NodeMenu } from './components/NodeMenu';
import { Notices } from './components/Notices';
import { Summary } from './components/Summary';
import { Toolbar } from './components/Toolbar';
import { Tooltip } from './components/Tooltip';
import { parseFilter } from './filter/parse';
import { type GroupBy, groupKey, UNGROUPED } from './graph/collapse';
import { NO_NOISE, type Noise } from './graph/noise';
import { describePaths } from './graph/paths';
import type { MapGraph } from './graph/types';
import { useCanvasDraw } from './hooks/useCanvasDraw';
import { useFlowModel } from './hooks/useFlowModel';
import { KEY_HELP, useKeyboard } from './hooks/useKeyboard';
import { useLayout } from './hooks/useLayout';
import { useLevels } from './hooks/useLevels';
import { useZoomToOpen } from './hooks/useZoomToOpen';
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
  graph: MapGraph;
  options: FlowGraphOptions;
  width: number;
  height: number;
  notices: string[];
  links: LinkContext;
  /** Keys the URL state of this panel's open groups. */
  panelId?: number;
}

const EMPTY: MapGraph = { nodes: [], edges: [], index: new Map() };

const formatCost = (v: number) => formattedValueToString(getValueFormat('currencyUSD')(v, 2));
const formatRate = (v: number) => formattedValueToString(getValueFormat('Bps')(v, 0));
/** Toolbar height assumed until the map's own height is measured. */
const TOOLBAR = 40;

export function FlowMap({ graph, options, width, height, notices, links, panelId }: Props) {
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
  const [noise, setNoise] = useState<Noise>(NO_NOISE);
  const [pathFrom, setPathFrom] = useState<string | undefined>();
  const [pathTo, setPathTo] = useState<string | undefined>();
  /** Menu position in client (page) coordinates, as ContextMenu wants. */
  const [menu, setMenu] = useState<{ index: number; x: number; y: number } | undefined>();

  const parsed = useMemo(() => parseFilter(filter), [filter]);
  const clauses = useMemo(() => (parsed.ok ? parsed.clauses : []), [parsed]);
  const levels = useLevels(graph, options.hierarchy, options.nodeBudget, colors, panelId);
  const levelGraph = levels.view?.graph;
  const noiseInput = useMemo(() => ({ ...noise, floor: options.trafficFloor }), [noise, options.trafficFloor]);
  const model = useFlowModel(
    levelGraph ?? graph,
    {
      groupBy: levels.active ? 'none' : groupBy,
      collapsed,
      colorBy: options.colorBy,
      overlay,
      clauses,
      query,
      focusId,
      focusHops: options.focusHops,
      noise: noiseInput,
      pathFrom,
      pathTo,
      pathDepth: options.pathDepth,
      dataNodes: graph.nodes,
    },
    colors,
    formatCost
  );
  // With levels the hierarchical layout places everything; the worker is left idle.
  const layout = useLayout(
    levels.active ? EMPTY : model.view,
    options.layout,
    levels.active ? undefined : { by: groupBy, keys: model.keys }
  );
  // A new view of the levels keeps selection by id, not by index.
  const viewRef = useRef(model.view);
  useEffect(() => {
    if (viewRef.current !== model.view) {
      const id = viewRef.current.nodes[selected]?.id;
      viewRef.current = model.view;
      setSelected(id !== undefined ? (model.view.index.get(id) ?? -1) : -1);
      setMenu(undefined);
    }
  }, [model.view, selected]);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const mapHeight = useHeight(box, Math.max(50, height - TOOLBAR - (notices.length + (layout.notice ? 1 : 0)) * 18));
  const { view, setView, zoomBy, dragged } = usePanZoom(box);

  const levelScene = useMemo(
    () => (levels.active ? { radius: levels.radius, regions: levels.regions } : undefined),
    [levels.active, levels.radius, levels.regions]
  );
  const { positions, scene, groups } = useScene(
    model,
    levels.active ? levels.positions : layout.positions,
    levels.active ? 'none' : groupBy,
    colors,
    options.showLabels,
    selected,
    levelScene
  );
  const engine = levels.active ? 'levels' : layout.engine;
  const fit = useCallback(() => {
    if (positions) {
      setView(fitView(bounds(positions, model.visible, scene?.radius), width, mapHeight));
    }
  }, [positions, model.visible, scene, width, mapHeight, setView]);
  // Fit when a layout arrives for a different set of nodes, or the focus changes; not on refresh.
  const fitted = useRef('');
  useEffect(() => {
    // Opening and closing groups keeps the camera: nothing else moves, so neither should the view.
    const size = levels.active ? levels.tree.groups.length : model.view.nodes.length;
    // a new grouping moves every node into its group's band: fit once that layout has arrived
    const bands = levels.active ? '' : (layout.groupBy ?? '');
    const key = `${engine}:${bands}:${size}:${focusId ?? ''}:${clauses.length}`;
    if (positions && (engine !== 'incremental' || fitted.current === '') && fitted.current !== key) {
      fitted.current = key;
      fit();
    }
  }, [
    positions,
    engine,
    layout.groupBy,
    levels.active,
    levels.tree,
    model.view.nodes.length,
    focusId,
    clauses.length,
    fit,
  ]);

  const onClick = useCallback(
    (hit: Hit | undefined, shift = false) => {
      if (hit?.kind === 'node') {
        const id = model.view.nodes[hit.index]?.id;
        setSelected(hit.index);
        if (shift && pathFrom !== undefined && id !== pathFrom) {
          setPathTo(id);
        } else {
          setPathFrom(id);
          setPathTo(undefined);
        }
        setMenu({ index: hit.index, x: hit.clientX, y: hit.clientY });
      } else {
        setMenu(undefined);
      }
    },
    [model.view, pathFrom]
  );
  const hover = usePointer(box, scene, view, dragged, onClick);
  const drawnScene = useMemo(
    () => (scene ? { ...scene, hovered: hover?.kind === 'node' ? hover.index : -1 } : undefined),
    [scene, hover]
  );
  useCanvasDraw(canvas, drawnScene, view, width, mapHeight, colors);
  const openNode = useCallback(
    (i: number) => {
      const g = levels.view?.groupOf[i] ?? -1;
      if (g >= 0) {
        levels.toggle(levels.tree.groups[g].id);
      }
    },
    [levels]
  );
  useZoomToOpen(options.zoomToOpen && levels.active, scene, view, width, mapHeight, openNode);

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
        paths: () => {
          if (selected >= 0) {
            setPathFrom(model.view.nodes[selected]?.id);
            setPathTo(undefined);
          }
        },
        toggleGroup: () => {
          const n = model.view.nodes[selected];
          const id = n?.members ? levels.view?.groupOf[selected] : undefined;
          if (id !== undefined && id >= 0) {
            levels.toggle(levels.tree.groups[id].id);
          }
        },
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
          setPathFrom(undefined);
          setPathTo(undefined);
        },
      }),
      [setView, zoomBy, width, mapHeight, fit, matchList, selected, centreOn, model.view, positions, view, levels]
    )
  );

  const menuNode = menu ? model.view.nodes[menu.index] : undefined;
  const menuKey = menuNode && !menuNode.members ? groupKey(menuNode, groupBy) : undefined;
  const menuGroup = menu && levels.view ? levels.view.groupOf[menu.index] : -1;
  const menuParent = menu && levels.active ? levels.parentOf(menu.index) : undefined;
  const levelMenu =
    menuNode && levels.active
      ? menuGroup >= 0
        ? {
            label: `Open ${menuNode.title} (${(menuNode.members?.length ?? 0).toLocaleString('en-US')} nodes)`,
            onToggle: () => levels.toggle(levels.tree.groups[menuGroup].id),
          }
        : menuParent !== undefined
          ? {
              label: `Close ${levels.tree.groups[levels.tree.byId.get(menuParent)!].title}`,
              onToggle: () => levels.toggle(menuParent),
            }
          : undefined
      : undefined;
  const fromNode = model.from !== undefined ? model.view.nodes[model.from] : undefined;
  const pathsText = model.paths
    ? model.to !== undefined && model.to !== model.from
      ? `Paths from ${fromNode?.title} to ${model.view.nodes[model.to]?.title}: ${model.paths.nodes.reduce((a, b) => a + b, 0)} nodes`
      : `${fromNode?.title}: ${describePaths(model.paths)}`
    : undefined;
  const overlays = useMemo(() => availableOverlays(model.summary), [model.summary]);
  const hoverNode = hover?.kind === 'node' ? model.view.nodes[hover.index] : undefined;
  const hoverEdge = hover?.kind === 'edge' ? model.view.edges[hover.index] : undefined;
  const shown = model.visible.reduce((a, b) => a + b, 0);
  const lit = model.paths ? model.paths.nodes.reduce((a, b) => a + b, 0) : 0;
  const allNotices = [...notices, ...(layout.notice ? [layout.notice] : [])];
  if (!parsed.ok) {
    allNotices.push(parsed.error);
  }
  if (layout.running && !levels.active) {
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
        showGroupBy={!levels.active}
        noise={noise}
        onNoise={setNoise}
        floorLabel={`< ${formatRate(options.trafficFloor)}`}
        clusters={levels.tree.levels.includes('cluster')}
        overlay={model.styles.overlay}
        overlays={overlays}
        onOverlay={setOverlay}
        focused={focusId}
        onClearFocus={() => setFocusId(undefined)}
        onFit={fit}
        onZoom={(f) => zoomBy(f, width / 2, mapHeight / 2)}
      />
      {(levels.active || pathsText) && (
        <Breadcrumb
          crumbs={levels.crumbs}
          openCount={levels.active && levels.crumbs.length ? levels.open.size : 0}
          onUp={levels.upTo}
          paths={pathsText}
          onClearPaths={() => {
            setPathFrom(undefined);
            setPathTo(undefined);
          }}
        />
      )}
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
            width={width}
            height={mapHeight}
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
            pathsTo={
              fromNode && fromNode !== menuNode
                ? {
                    label: `Paths from ${fromNode.title} to here`,
                    onClick: () => setPathTo(menuNode.id),
                  }
                : undefined
            }
            group={
              levels.active
                ? levelMenu
                : menuNode.members
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
        engine={engine}
        layoutMs={levels.active ? levels.layoutMs : layout.ms}
        running={levels.active ? false : layout.running}
        levels={levels.active ? levels.tree.levels.join('>') : ''}
        openGroups={levels.active ? levels.open.size : 0}
        groupNodes={levels.view ? levels.view.groupOf.filter((g) => g >= 0).length : 0}
        lit={lit}
        noise={Object.entries(noise)
          .filter(([k, v]) => v === true && k !== 'floor')
          .map(([k]) => k)
          .join(',')}
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
