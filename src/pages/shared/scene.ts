import {
  dataLayers,
  EmbeddedScene,
  SceneControlsSpacer,
  SceneDataLayerControls,
  SceneDataLayerSet,
  SceneFlexItem,
  SceneFlexLayout,
  SceneObject,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  SceneVariable,
  SceneVariableSet,
  VariableValueSelectors,
} from '@grafana/scenes';
import type { AnnotationQuery } from '@grafana/data';

export interface PageSceneOptions {
  /** Rows from top to bottom; each row's items side by side, equally wide unless given as a sized SceneFlexItem. */
  rows: Array<{ height: number | string; items: SceneObject[] }>;
  variables?: SceneVariable[];
  from?: string;
  annotations?: AnnotationQuery[];
}

/** A page: variables, time picker and refresh above rows of panels, like a dashboard. */
export function pageScene({
  rows,
  variables = [],
  from = 'now-24h',
  annotations = [],
}: PageSceneOptions): EmbeddedScene {
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from, to: 'now' }),
    $variables: new SceneVariableSet({ variables }),
    $data: annotations.length
      ? new SceneDataLayerSet({
          layers: annotations.map(
            (query) => new dataLayers.AnnotationsDataLayer({ name: query.name, query, isEnabled: true })
          ),
        })
      : undefined,
    controls: [
      new VariableValueSelectors({}),
      ...(annotations.length ? [new SceneDataLayerControls()] : []),
      new SceneControlsSpacer(),
      new SceneTimePicker({ isOnCanvas: true }),
      new SceneRefreshPicker({ isOnCanvas: true, intervals: ['30s', '1m', '5m'] }),
    ],
    body: new SceneFlexLayout({
      direction: 'column',
      children: rows.map(
        (row) =>
          new SceneFlexItem({
            height: row.height,
            minHeight: row.height,
            body: new SceneFlexLayout({
              direction: 'row',
              children: row.items.map((body) => (body instanceof SceneFlexItem ? body : new SceneFlexItem({ body }))),
            }),
          })
      ),
    }),
  });
}
