/**
 * The panel menu's "Extensions" submenu, built when the menu opens as
 * public/app/features/dashboard-scene/scene/PanelMenuBehavior.tsx builds it: the context of
 * createExtensionContext, at most three links per plugin, titles cut by createExtensionSubMenu
 * (utils.ts truncateTitle(title, 25)) and grouped by category. The rest of Grafana's menu (view,
 * edit, share, inspect…) needs Grafana itself: the preview says so in the menu.
 */
import {
  getTimeZone,
  PluginExtensionPoints,
  type PanelMenuItem,
  type PluginExtensionLink,
  type PluginExtensionPanelContext,
} from '@grafana/data';
import {
  LocalValueVariable,
  SceneDataTransformer,
  SceneGridRow,
  SceneQueryRunner,
  sceneGraph,
  VizPanel,
  VizPanelMenu,
  type SceneObject,
} from '@grafana/scenes';
import type { DataQuery } from '@grafana/schema';
import { preloadApps } from './loading';
import { openModal } from './modals';
import { getPluginLinks } from './registry';

export interface DashboardInfo {
  uid: string;
  title: string;
  tags: string[];
}

const dashboards = new WeakMap<SceneObject, DashboardInfo>();

export function setDashboardInfo(scene: SceneObject, info: DashboardInfo): void {
  dashboards.set(scene, info);
}

function queryRunnerOf(panel: VizPanel): SceneQueryRunner | undefined {
  const data = panel.state.$data;
  if (data instanceof SceneQueryRunner) {
    return data;
  }
  return data instanceof SceneDataTransformer && data.state.$data instanceof SceneQueryRunner
    ? data.state.$data
    : undefined;
}

/** Repeat values only: a dashboard-level variable is not in scopedVars, as in Grafana. */
function scopedVarsOf(panel: VizPanel) {
  const scoped: Record<string, { value: unknown; text: unknown }> = {};
  const row = panel.parent?.parent;
  for (const set of [panel.state.$variables, row instanceof SceneGridRow ? row.state.$variables : undefined]) {
    set?.state.variables.forEach((v) => {
      if (v instanceof LocalValueVariable) {
        scoped[v.state.name] = { value: v.getValue(), text: v.getValueText() };
      }
    });
  }
  return scoped;
}

export function panelContext(panel: VizPanel): PluginExtensionPanelContext {
  const timeRange = sceneGraph.getTimeRange(panel);
  const runner = queryRunnerOf(panel);
  const dashboard = dashboards.get(panel.getRoot()) ?? { uid: '', title: '', tags: [] };
  return {
    // getPanelIdForVizPanel: the number in the panel's key.
    id: Number(panel.state.key?.replace(/^panel-/, '')),
    pluginId: panel.state.pluginId,
    title: panel.state.title,
    timeRange: timeRange.state.value.raw,
    timeZone: getTimeZone({ timeZone: timeRange.getTimeZone() }),
    dashboard,
    targets: (runner?.state.queries ?? []) as DataQuery[],
    scopedVars: scopedVarsOf(panel) as never,
    data: runner?.state.data,
  };
}

const truncate = (title: string) => (title.length < 25 ? title : `${title.slice(0, 22).trimEnd()}...`);

export function extensionSubMenu(links: PluginExtensionLink[]): PanelMenuItem[] {
  const item = (l: PluginExtensionLink): PanelMenuItem => ({
    text: truncate(l.title),
    href: l.path,
    onClick: l.onClick,
  });
  const categories = new Map<string, PanelMenuItem[]>();
  const plain: PanelMenuItem[] = [];
  for (const l of links) {
    if (l.category) {
      categories.set(l.category, [...(categories.get(l.category) ?? []), item(l)]);
    } else {
      plain.push(item(l));
    }
  }
  const menu: PanelMenuItem[] = [...categories].map(([text, subMenu]) => ({
    text: truncate(text),
    type: 'group',
    subMenu,
  }));
  if (plain.length > 0 && menu.length > 0) {
    menu.push({ text: 'divider', type: 'divider' });
  }
  return [...menu, ...plain];
}

function panelMenuBehavior(menu: VizPanelMenu) {
  const panel = menu.parent;
  if (!(panel instanceof VizPanel)) {
    return;
  }
  preloadApps().then(() => {
    const links = getPluginLinks(PluginExtensionPoints.DashboardPanelMenu, panelContext(panel), 3, openModal);
    const items: PanelMenuItem[] = [
      { text: 'Grafana’s own items need Grafana', iconClassName: 'info-circle', onClick: (e) => e.preventDefault() },
    ];
    if (links.length > 0) {
      items.push({ text: 'Extensions', iconClassName: 'plug', type: 'submenu', subMenu: extensionSubMenu(links) });
    }
    menu.setState({ items });
  });
}

export const panelMenu = () => new VizPanelMenu({ $behaviors: [panelMenuBehavior] });
