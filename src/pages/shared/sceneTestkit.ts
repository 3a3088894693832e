import { SceneDataTransformer, sceneGraph, SceneObject, SceneQueryRunner, VizPanel } from '@grafana/scenes';

/** What a page asks for: every panel's plugin and title, with the queries of its data (through transformers). */
export function panelsOf(scene: SceneObject) {
  return sceneGraph
    .findAllObjects(scene, (o) => o instanceof VizPanel)
    .map((o) => {
      const panel = o as VizPanel;
      let data = panel.state.$data;
      while (data instanceof SceneDataTransformer) {
        data = data.state.$data;
      }
      const runner = data instanceof SceneQueryRunner ? data : undefined;
      return {
        pluginId: panel.state.pluginId,
        title: panel.state.title,
        options: panel.state.options as Record<string, unknown>,
        queries: (runner?.state.queries ?? []) as Array<Record<string, unknown>>,
      };
    });
}
