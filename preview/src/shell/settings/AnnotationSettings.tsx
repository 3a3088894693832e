/**
 * Dashboard settings → Annotations, as Grafana 12 builds it on scenes
 * (public/app/features/dashboard-scene/settings/AnnotationsEditView.tsx and annotations/
 * AnnotationSettingsList.tsx, AnnotationSettingsEdit.tsx): the list of the dashboard's annotations,
 * and an edit view whose query editor writes every change to the annotation's data layer
 * (`layer.setState({ query })` then `layer.runLayer()`), so the editor gets the new object back.
 */
import React, { useState } from 'react';
import { AnnotationQuery } from '@grafana/data';
import { getDataSourceSrv, locationService } from '@grafana/runtime';
import { dataLayers, sceneGraph, SceneObject } from '@grafana/scenes';
import { Button } from '@grafana/ui';
import { AnnotationSettingsEdit } from './AnnotationSettingsEdit';

export interface AnnotationEntry {
  annotation: AnnotationQuery;
  /** The scene layer that runs it; the built-in "Annotations & Alerts" has none in the preview. */
  layer?: dataLayers.AnnotationsDataLayer;
}

export function AnnotationSettingsList({
  entries,
  onEdit,
}: {
  entries: AnnotationEntry[];
  onEdit: (index: number) => void;
}) {
  const dsName = (a: AnnotationQuery) =>
    getDataSourceSrv().getInstanceSettings(a.datasource)?.name || a.datasource?.uid;
  return (
    <table role="grid" data-testid="data-testid list-annotations" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>Query name</th>
          <th style={{ textAlign: 'left' }}>Data source</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ annotation }, idx) => (
          <tr key={`${annotation.name}-${idx}`}>
            <td role="gridcell" onClick={() => onEdit(idx)}>
              <Button size="sm" fill="text" variant="secondary">
                {annotation.enable === false
                  ? `(Disabled) ${annotation.name}`
                  : annotation.builtIn
                    ? `${annotation.name} (Built-in)`
                    : annotation.name}
              </Button>
            </td>
            <td role="gridcell" onClick={() => onEdit(idx)}>
              {dsName(annotation)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function layersOf(scene: SceneObject): dataLayers.AnnotationsDataLayer[] {
  const set = scene.state.$data;
  const layers = set && 'layers' in set.state ? (set.state.layers as unknown[]) : [];
  return layers.filter((l): l is dataLayers.AnnotationsDataLayer => l instanceof dataLayers.AnnotationsDataLayer);
}

/** The dashboard's annotations, each with its layer's current query when it has a layer. */
export function annotationEntries(scene: SceneObject, list: AnnotationQuery[]): AnnotationEntry[] {
  const layers = layersOf(scene);
  return list.map((a) => {
    const layer = layers.find((l) => l.state.key === `annotations-${a.name}`);
    return { annotation: (layer?.state.query as AnnotationQuery | undefined) ?? a, layer };
  });
}

/** The Annotations tab: the list, or the edit view of `?editIndex=`. */
export function AnnotationsSettingsView({ scene, list }: { scene: SceneObject; list: AnnotationQuery[] }) {
  const [entries, setEntries] = useState(() => annotationEntries(scene, list));
  const timeRange = sceneGraph.getTimeRange(scene);
  const editIndex = Number(locationService.getSearchObject().editIndex ?? NaN);
  const onUpdate = (index: number) => (annotation: AnnotationQuery) => {
    const { layer } = entries[index];
    setEntries((prev) => prev.map((e, i) => (i === index ? { ...e, annotation } : e)));
    layer?.setState({
      name: annotation.name,
      isEnabled: Boolean(annotation.enable),
      isHidden: Boolean(annotation.hide),
      query: annotation,
    });
    layer?.runLayer();
  };
  if (Number.isInteger(editIndex) && editIndex >= 0 && editIndex < entries.length) {
    return (
      <AnnotationSettingsEdit
        annotation={entries[editIndex].annotation}
        range={timeRange.state.value}
        timezone={timeRange.getTimeZone()}
        onUpdate={onUpdate(editIndex)}
        onBackToList={() => locationService.partial({ editIndex: null })}
      />
    );
  }
  return <AnnotationSettingsList entries={entries} onEdit={(i) => locationService.partial({ editIndex: i })} />;
}
