import React, { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { getBackendSrv } from '@grafana/runtime';
import { EmbeddedScene, UrlSyncContextProvider } from '@grafana/scenes';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { dashboardScene, DashboardModel } from './dashboard';
import { setActiveScene } from './templateSrv';

export function DashboardPage() {
  const { uid = '' } = useParams();
  const [scene, setScene] = useState<EmbeddedScene>();
  const [title, setTitle] = useState('');
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
          setTitle(dashboard.title);
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
  if (!scene) {
    return <LoadingPlaceholder text="Loading dashboard…" />;
  }
  return (
    <div data-testid="preview-dashboard" data-uid={uid}>
      <h1 data-testid="preview-dashboard-title">{title}</h1>
      <UrlSyncContextProvider scene={scene} updateUrlOnInit createBrowserHistorySteps>
        <scene.Component model={scene} />
      </UrlSyncContextProvider>
    </div>
  );
}
