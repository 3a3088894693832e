/**
 * Which app modules Grafana loads for their extensions, and when. Grafana 12 loads an app for an
 * extension point on demand from the plugin.json declarations in its boot data
 * (public/app/features/plugins/extensions/utils.ts getExtensionPointPluginDependencies); the panel
 * menu cannot wait, so apps declaring a link or component for it are preloaded at start-up, with
 * the apps that ask for `"preload": true` (utils.ts getAppPluginsToPreload, app.ts initPlugins).
 */
import { AppPlugin, PluginExtensionPoints, type AppPluginConfig } from '@grafana/data';
import { config } from '@grafana/runtime';
import { loadPluginModule } from '../../loader';
import { registerAddedLinks } from './registry';

const declaresFor = (app: AppPluginConfig, extensionPointId: string) =>
  app.extensions.addedLinks.some((l) => l.targets.includes(extensionPointId)) ||
  app.extensions.addedComponents.some((c) => c.targets.includes(extensionPointId));

export function appsToPreload(apps: AppPluginConfig[]): AppPluginConfig[] {
  return apps.filter((app) => app.preload || declaresFor(app, PluginExtensionPoints.DashboardPanelMenu));
}

let preloading: Promise<void> | undefined;

/** Loads the apps to preload once and registers their added links. */
export function preloadApps(): Promise<void> {
  preloading ??= Promise.all(
    appsToPreload(Object.values(config.apps)).map(async (app) => {
      try {
        const mod = await loadPluginModule(app.path);
        if (mod.plugin instanceof AppPlugin) {
          registerAddedLinks(app.id, mod.plugin.addedLinkConfigs, app);
        }
      } catch (e) {
        console.warn(`Could not preload ${app.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    })
  ).then(() => undefined);
  return preloading;
}
