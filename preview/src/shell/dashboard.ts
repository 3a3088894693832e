/**
 * A Grafana dashboard JSON (schemaVersion 39+) as a scene: grid and rows, panels with their queries,
 * template variables, time range and annotation layers (scenes' AnnotationsDataLayer, the code path
 * Grafana's own dashboards use). Built-in "Annotations & Alerts" needs Grafana's database: skipped.
 */
import { DataTransformerConfig } from '@grafana/data';
import {
  dataLayers,
  EmbeddedScene,
  SceneControlsSpacer,
  SceneDataLayerControls,
  SceneDataLayerSet,
  SceneDataTransformer,
  SceneGridItem,
  SceneGridLayout,
  SceneGridRow,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariableSet,
  VariableValueSelectors,
  VizPanel,
  type SceneDataProvider,
} from '@grafana/scenes';
import { DataQuery, DataSourceRef } from '@grafana/schema';
import { toSceneVariable, VariableModel } from './variables';
import { panelMenu, setDashboardInfo } from './extensions/panelMenu';

export interface PanelModel {
  id: number;
  type: string;
  title?: string;
  description?: string;
  gridPos?: { x?: number; y?: number; w?: number; h?: number };
  datasource?: DataSourceRef | null;
  targets?: DataQuery[];
  options?: Record<string, unknown>;
  fieldConfig?: { defaults: Record<string, unknown>; overrides: unknown[] };
  transformations?: DataTransformerConfig[];
  maxDataPoints?: number;
  interval?: string;
  collapsed?: boolean;
  panels?: PanelModel[];
  pluginVersion?: string;
}

export interface DashboardModel {
  uid: string;
  title: string;
  tags?: string[];
  schemaVersion?: number;
  version?: number;
  time?: { from: string; to: string };
  timezone?: string;
  refresh?: string;
  panels?: PanelModel[];
  templating?: { list?: VariableModel[] };
  annotations?: {
    list?: Array<
      Record<string, unknown> & {
        name: string;
        datasource?: DataSourceRef;
        enable?: boolean;
        hide?: boolean;
        builtIn?: number;
      }
    >;
  };
}

function dataOf(panel: PanelModel): SceneDataProvider | undefined {
  if (!panel.targets?.length) {
    return undefined;
  }
  const runner = new SceneQueryRunner({
    datasource: panel.datasource ?? panel.targets[0].datasource ?? undefined,
    queries: panel.targets,
    maxDataPoints: panel.maxDataPoints,
    minInterval: panel.interval,
  });
  return panel.transformations?.length
    ? new SceneDataTransformer({ $data: runner, transformations: panel.transformations })
    : runner;
}

function toGridItem(panel: PanelModel): SceneGridItem {
  const { x = 0, y = 0, w = 12, h = 8 } = panel.gridPos ?? {};
  return new SceneGridItem({
    key: `grid-item-${panel.id}`,
    x,
    y,
    width: w,
    height: h,
    isDraggable: false,
    isResizable: false,
    body: new VizPanel({
      key: `panel-${panel.id}`,
      title: panel.title ?? '',
      description: panel.description,
      pluginId: panel.type,
      pluginVersion: panel.pluginVersion,
      options: panel.options ?? {},
      fieldConfig: (panel.fieldConfig ?? { defaults: {}, overrides: [] }) as never,
      $data: dataOf(panel),
      menu: panelMenu(),
    }),
  });
}

/** Grafana's rule: an expanded row owns the panels below it up to the next row. */
function toGridChildren(panels: PanelModel[]): Array<SceneGridItem | SceneGridRow> {
  const out: Array<SceneGridItem | SceneGridRow> = [];
  let row: { model: PanelModel; children: SceneGridItem[] } | undefined;
  const flush = () => {
    if (row) {
      const { model, children } = row;
      out.push(
        new SceneGridRow({
          key: `row-${model.id}`,
          title: model.title ?? '',
          y: model.gridPos?.y ?? 0,
          isCollapsed: Boolean(model.collapsed),
          children,
        })
      );
    }
  };
  for (const p of panels) {
    if (p.type === 'row') {
      flush();
      row = { model: p, children: (p.panels ?? []).map(toGridItem) };
    } else if (row && !row.model.collapsed) {
      row.children.push(toGridItem(p));
    } else {
      out.push(toGridItem(p));
    }
  }
  flush();
  return out;
}

export function dashboardScene(json: DashboardModel): EmbeddedScene {
  const annotations = (json.annotations?.list ?? []).filter(
    (a) => !a.builtIn && a.datasource?.type !== 'grafana' && a.datasource?.type !== 'datasource'
  );
  const scene = new EmbeddedScene({
    key: `dashboard-${json.uid}`,
    $timeRange: new SceneTimeRange({
      from: json.time?.from ?? 'now-6h',
      to: json.time?.to ?? 'now',
      timeZone: json.timezone || 'browser',
    }),
    $variables: new SceneVariableSet({ variables: (json.templating?.list ?? []).map(toSceneVariable) }),
    $data: new SceneDataLayerSet({
      layers: annotations.map(
        (a) =>
          new dataLayers.AnnotationsDataLayer({
            key: `annotations-${a.name}`,
            name: a.name,
            isEnabled: a.enable !== false,
            isHidden: Boolean(a.hide),
            query: a as never,
          })
      ),
    }),
    controls: [
      new VariableValueSelectors({}),
      new SceneDataLayerControls(),
      new SceneControlsSpacer(),
      new SceneTimePicker({ isOnCanvas: true }),
      new SceneRefreshPicker({ refresh: json.refresh ?? '', isOnCanvas: true }),
    ],
    body: new SceneGridLayout({ isDraggable: false, isLazy: false, children: toGridChildren(json.panels ?? []) }),
  });
  setDashboardInfo(scene, { uid: json.uid, title: json.title, tags: json.tags ?? [] });
  return scene;
}
