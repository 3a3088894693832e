/**
 * /a/<app id>/… : the app plugin's root page from its built module.js, given the props, plugin
 * context and settings Grafana's AppRootPage gives it.
 */
import React, { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { AppPlugin, AppPluginMeta, PluginContextProvider, urlUtil } from '@grafana/data';
import { config, getBackendSrv } from '@grafana/runtime';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import { loadPluginModule } from '../loader';

export function AppRootPage() {
  const { pluginId = '' } = useParams();
  const location = useLocation();
  const [plugin, setPlugin] = useState<AppPlugin>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setPlugin(undefined);
    const app = config.apps[pluginId];
    if (!app) {
      setError(`App plugin ${pluginId} is not installed`);
      return;
    }
    Promise.all([loadPluginModule(app.path), getBackendSrv().get<AppPluginMeta>(`/api/plugins/${pluginId}/settings`)])
      .then(([mod, meta]) => {
        if (!(mod.plugin instanceof AppPlugin)) {
          throw new Error(`${app.path} does not export an AppPlugin`);
        }
        mod.plugin.init(meta);
        mod.plugin.meta = meta;
        if (!cancelled) {
          setPlugin(mod.plugin);
        }
      })
      .catch((e) => !cancelled && setError(String(e?.message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [pluginId]);

  if (error) {
    return <Alert title="The app could not be loaded">{error}</Alert>;
  }
  if (!plugin?.root) {
    return <LoadingPlaceholder text="Loading app…" />;
  }
  const Root = plugin.root;
  return (
    <div data-testid="preview-app-root">
      <PluginContextProvider meta={plugin.meta}>
        <Root meta={plugin.meta} basename={`/a/${pluginId}`} path={location.pathname} query={urlUtil.getUrlSearchParams() as never} onNavChanged={() => {}} />
      </PluginContextProvider>
    </div>
  );
}
