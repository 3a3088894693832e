import React, { lazy, Suspense, useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { prefixRoute, ROUTES } from '../../constants';
import { SettingsContext } from '../../pages/shared/SettingsContext';
import { AppSettings, pageSettings } from '../AppConfig/settings';

const CatalogPage = lazy(() => import('../../pages/Catalog/CatalogPage'));
const ServicePage = lazy(() => import('../../pages/Service/ServicePage'));
const ExperimentsPage = lazy(() => import('../../pages/Experiments/ExperimentsPage'));
const FlowMapPage = lazy(() => import('../../pages/FlowMap/FlowMapPage'));
const OverlaysPage = lazy(() => import('../../pages/Overlays/OverlaysPage'));

function App({ meta }: AppRootProps<AppSettings>) {
  const settings = useMemo(() => pageSettings(meta.jsonData), [meta.jsonData]);
  if (!settings.datasourceUid) {
    return (
      <Alert severity="warning" title="No Faultline data source">
        Add a Faultline data source under Connections → Data sources, or choose one in the app&apos;s configuration.
      </Alert>
    );
  }
  return (
    <SettingsContext.Provider value={settings}>
      <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
        <Routes>
          <Route path={`${ROUTES.Catalog}/*`} element={<CatalogPage />} />
          <Route path={`${ROUTES.Service}/:namespace/:name/*`} element={<ServicePage />} />
          <Route path={`${ROUTES.Service}/:name/*`} element={<ServicePage />} />
          <Route path={`${ROUTES.Experiments}/*`} element={<ExperimentsPage />} />
          <Route path={`${ROUTES.FlowMap}/*`} element={<FlowMapPage />} />
          <Route path={`${ROUTES.Overlays}/*`} element={<OverlaysPage />} />
          <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Catalog)} replace />} />
        </Routes>
      </Suspense>
    </SettingsContext.Provider>
  );
}

export default App;
