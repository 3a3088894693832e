import React, { lazy, Suspense, useMemo } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { prefixRoute, ROUTES } from '../../constants';
import { SettingsContext } from '../../pages/shared/SettingsContext';
import { AppSettings, pageSettings } from '../AppConfig/settings';

const CatalogPage = lazy(() => import('../../pages/Catalog/CatalogPage'));
const ServicePage = lazy(() => import('../../pages/Service/ServicePage'));
const ExperimentsPage = lazy(() => import('../../pages/Experiments/ExperimentsPage'));
const FlowMapPage = lazy(() => import('../../pages/FlowMap/FlowMapPage'));

function App({ meta }: AppRootProps<AppSettings>) {
  const settings = useMemo(() => pageSettings(meta.jsonData), [meta.jsonData]);
  return (
    <SettingsContext.Provider value={settings}>
      <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
        <Routes>
          <Route path={`${ROUTES.Catalog}/*`} element={<CatalogPage />} />
          <Route path={`${ROUTES.Service}/:namespace/:name/*`} element={<ServicePage />} />
          <Route path={`${ROUTES.Service}/:name/*`} element={<ServicePage />} />
          <Route path={`${ROUTES.Experiments}/*`} element={<ExperimentsPage />} />
          <Route path={`${ROUTES.FlowMap}/*`} element={<FlowMapPage />} />
          <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Catalog)} replace />} />
        </Routes>
      </Suspense>
    </SettingsContext.Provider>
  );
}

export default App;
