/**
 * The preview's dashboard shell: Grafana's runtime services, a router over Grafana's own history
 * (locationService, which scenes' URL sync uses), the dashboards Grafana would hold and the app pages.
 */
import '../boot';
import React, { useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Link, Route, Router, Routes } from 'react-router-dom';
import { ThemeContext } from '@grafana/data';
import { config, locationService, LocationServiceProvider } from '@grafana/runtime';
import { AppMenu } from './AppMenu';
import { AppRootPage } from './AppRootPage';
import { DashboardList } from './DashboardList';
import { DashboardPage } from './DashboardPage';
import { EditDataSourcePage } from './datasources/EditDataSourcePage';
import { applyGlobalStyles } from './globalStyles';
import { previewDataSourceSrv } from './datasourceSrv';
import { queryErrors } from './runRequest';
import { registerServices } from './services';
import { annotationEditorCounts } from './settings/StandardAnnotationQueryEditor';
import { ExtensionModalHost } from './extensions/modals';
import { preloadApps } from './extensions/loading';
import { linkErrors, rejectedLinks } from './extensions/registry';

registerServices();
applyGlobalStyles(config.theme2);
preloadApps();

function HistoryRouter({ children }: { children: React.ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((l: typeof history.location) => setLocation(l)), [history]);
  return (
    <Router location={location} navigator={history}>
      <LocationServiceProvider service={locationService}>{children}</LocationServiceProvider>
    </Router>
  );
}

function Shell() {
  const theme = config.theme2;
  return (
    <ThemeContext.Provider value={theme}>
      <HistoryRouter>
        <header
          data-testid="preview-header"
          style={{
            display: 'flex',
            gap: 16,
            alignItems: 'center',
            padding: theme.spacing(1, 2),
            borderBottom: `1px solid ${theme.colors.border.weak}`,
          }}
        >
          <img src="/public/plugins/faultline-app/img/logo.svg" alt="" width={24} height={24} />
          <strong>Faultline preview</strong>
          <span style={{ color: theme.colors.text.secondary }}>
            the built dist/ plugins outside Grafana, panels marked “stand-in” are not Grafana&apos;s own
          </span>
          <nav style={{ marginLeft: 'auto', display: 'flex', gap: 16 }}>
            <Link to="/">Dashboards</Link>
            <AppMenu />
          </nav>
        </header>
        <main style={{ padding: theme.spacing(2) }}>
          <Routes>
            <Route path="/" element={<DashboardList />} />
            <Route path="/d/:uid/*" element={<DashboardPage />} />
            <Route path="/a/:pluginId/*" element={<AppRootPage />} />
            <Route path="/connections/datasources/edit/:uid" element={<EditDataSourcePage />} />
            <Route path="*" element={<DashboardList />} />
          </Routes>
        </main>
        <ExtensionModalHost />
      </HistoryRouter>
    </ThemeContext.Provider>
  );
}

declare global {
  interface Window {
    faultlinePreview: {
      dataSources: typeof previewDataSourceSrv;
      queryErrors: typeof queryErrors;
      annotationEditor: typeof annotationEditorCounts;
      rejectedLinks: typeof rejectedLinks;
      linkErrors: typeof linkErrors;
    };
  }
}
// For people and tests inspecting the page: the data sources as plugins see them, query errors, what
// the annotation editor called, and the extension links the registry refused.
window.faultlinePreview = { dataSources: previewDataSourceSrv, queryErrors, annotationEditor: annotationEditorCounts, rejectedLinks, linkErrors };

createRoot(document.getElementById('root')!).render(<Shell />);
document.body.dataset.ready = 'true';
