/**
 * The dashboard settings view Grafana 12 opens with `?editview=<tab>` on the dashboard URL
 * (public/app/features/dashboard-scene/settings/). The preview has the Annotations tab only.
 */
import React from 'react';
import { useLocation } from 'react-router-dom';
import { AnnotationQuery } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { SceneObject } from '@grafana/scenes';
import { Alert, Button, ErrorBoundaryAlert, Tab, TabsBar } from '@grafana/ui';
import { AnnotationsSettingsView } from './AnnotationSettings';

export function DashboardSettings({ scene, annotations }: { scene: SceneObject; annotations: AnnotationQuery[] }) {
  const editview = new URLSearchParams(useLocation().search).get('editview');
  return (
    <div data-testid="preview-dashboard-settings">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <h2>Settings</h2>
        <Button
          variant="secondary"
          size="sm"
          data-testid="data-testid dashboard-settings-close"
          onClick={() => locationService.partial({ editview: null, editIndex: null })}
        >
          Back to dashboard
        </Button>
      </div>
      <TabsBar>
        <Tab
          label="Annotations"
          active={editview === 'annotations'}
          onChangeTab={() => locationService.partial({ editview: 'annotations', editIndex: null })}
        />
      </TabsBar>
      {/* Grafana's pages catch render errors, an editor that loops ("Maximum update depth") among them. */}
      <ErrorBoundaryAlert>
        {editview === 'annotations' ? (
          <AnnotationsSettingsView scene={scene} list={annotations} />
        ) : (
          <Alert severity="info" title={`The ${editview} settings are not part of the preview`}>
            Only the Annotations tab is reproduced.
          </Alert>
        )}
      </ErrorBoundaryAlert>
    </div>
  );
}
