/**
 * The template service Grafana 12 gives plugins when dashboards are scenes: `replace` interpolates
 * through the scene that issued the query (scopedVars.__sceneObject), else the open dashboard.
 */
import type { ScopedVars, TypedVariableModel } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { sceneGraph, type SceneObject } from '@grafana/scenes';

let activeScene: SceneObject | undefined;

export function setActiveScene(scene: SceneObject | undefined): void {
  activeScene = scene;
}

function sceneFrom(scopedVars?: ScopedVars): SceneObject | undefined {
  const holder = scopedVars?.__sceneObject?.value as { valueOf?: () => unknown } | undefined;
  const obj = holder?.valueOf?.();
  return (obj as SceneObject | undefined) ?? activeScene;
}

const TEMPLATE = /\$(\w+)|\$\{([^}]+)\}|\[\[([^\]]+)\]\]/;

export const previewTemplateSrv: TemplateSrv = {
  getVariables: () => {
    if (!activeScene) {
      return [];
    }
    return sceneGraph.getVariables(activeScene).state.variables.map((v) => ({
      name: v.state.name,
      label: v.state.label,
      type: v.state.type,
      current: { value: v.getValue?.(), text: v.getValueText?.() },
    })) as unknown as TypedVariableModel[];
  },
  replace: (target?: string, scopedVars?: ScopedVars, format?: string | Function) => {
    if (!target) {
      return target ?? '';
    }
    const scene = sceneFrom(scopedVars);
    return scene ? sceneGraph.interpolate(scene, target, scopedVars, format as string) : target;
  },
  containsTemplate: (target?: string) => Boolean(target && TEMPLATE.test(target)),
  updateTimeRange: () => {},
};
