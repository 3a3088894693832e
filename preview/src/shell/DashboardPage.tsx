import React, { useEffect, useState } from 'react';
import { AnnotationQuery } from '@grafana/data';
import { useLocation, useParams } from 'react-router-dom';
import { getBackendSrv, locationService } from '@grafana/runtime';
import { EmbeddedScene, UrlSyncContextProvider } from '@grafana/scenes';
import { Alert, Button, LoadingPlaceholder } from '@grafana/ui';
import { dashboardScene, DashboardModel } from './dashboard';
import { DashboardSettings } from './settings/DashboardSettings';
import { setActiveScene } from './templateSrv';

export function DashboardPage() {
  const { uid = '' } = useParams();
  const [scene, setScene] = useState<EmbeddedScene>();
  const [model, setModel] = useState<DashboardModel>();
  const editview = new URLSearchParams(useLocation().search).get('editview');
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setScene(undefined);
    setError(undefined);
    getBackendSrv()
      .get<{ dashboard: DashboardModel }>(`/api/dashboards/uid/${encodeURIComponent(uid)}`)
      .then(({ dashboard }) => {
        if (!cancelled) {
          const s = dashboardScene(dashboard);
          setActiveScene(s);
          setModel(dashboard);
          setScene(s);
        }
      })
      .catch((e) => !cancelled && setError(e?.data?.message ?? String(e?.message ?? e)));
    return () => {
      cancelled = true;
      setActiveScene(undefined);
    };
  }, [uid]);

  if (error) {
    return <Alert title={`Dashboard ${uid} could not be opened`}>{error}</Alert>;
  }
  if (!scene || !model) {
    return <LoadingPlaceholder text="Loading dashboard…" />;
  }
  return (
    <div data-testid="preview-dashboard" data-uid={uid}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <h1 data-testid="preview-dashboard-title">{model.title}</h1>
        {!editview && (
          <Button variant="secondary" size="sm" icon="cog" data-testid="data-testid Dashboard settings button" onClick={() => locationService.partial({ editview: 'annotations' })}>
            Settings
          </Button>
        )}
      </div>
      {editview ? (
        <DashboardSettings scene={scene} annotations={(model.annotations?.list ?? []) as AnnotationQuery[]} />
      ) : (
        <UrlSyncContextProvider scene={scene} updateUrlOnInit createBrowserHistorySteps>
          <scene.Component model={scene} />
        </UrlSyncContextProvider>
      )}
    </div>
  );
}
