/**
 * The smallest host for the built plugins: loads a module, reports what it exports, and renders a
 * panel plugin's component with frames handed in by the test. The dashboard shell is the full host.
 */
import './boot';
import React from 'react';
import { createRoot } from 'react-dom/client';
import {
  AppPlugin,
  createTheme,
  DataSourcePlugin,
  getDefaultTimeRange,
  LoadingState,
  PanelPlugin,
  ThemeContext,
  toDataFrame,
  type PanelProps,
} from '@grafana/data';
import { loadPluginModule } from './loader';

type PluginKind = 'app' | 'datasource' | 'panel' | 'none';

function kindOf(plugin: unknown): PluginKind {
  if (plugin instanceof AppPlugin) {
    return 'app';
  }
  if (plugin instanceof DataSourcePlugin) {
    return 'datasource';
  }
  if (plugin instanceof PanelPlugin) {
    return 'panel';
  }
  return 'none';
}

async function loadPlugin(path: string): Promise<{ exports: string[]; kind: PluginKind }> {
  const mod = await loadPluginModule(path);
  return { exports: Object.keys(mod), kind: kindOf(mod.plugin) };
}

const theme = createTheme({ colors: { mode: 'dark' } });

async function renderPanel(path: string, frames: unknown[], size = { width: 640, height: 360 }): Promise<string> {
  const mod = await loadPluginModule(path);
  const plugin = mod.plugin;
  if (!(plugin instanceof PanelPlugin) || !plugin.panel) {
    throw new Error(`${path} does not export a panel plugin`);
  }
  const Panel = plugin.panel;
  const timeRange = getDefaultTimeRange();
  const props = {
    id: 1,
    data: { state: LoadingState.Done, series: frames.map((f) => toDataFrame(f)), timeRange },
    timeRange,
    timeZone: 'utc',
    options: plugin.defaults,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: size.width,
    height: size.height,
    renderCounter: 1,
    title: path,
    eventBus: undefined,
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    replaceVariables: (s: string) => s,
    onChangeTimeRange: () => {},
  } as unknown as PanelProps;

  const host = document.createElement('section');
  const testId = `panel-${path.replace(/[^a-z0-9]+/gi, '-')}`;
  host.dataset.testid = testId;
  host.style.cssText = `width:${size.width}px;height:${size.height}px;margin:8px;border:1px solid ${theme.colors.border.medium}`;
  document.getElementById('panels')!.appendChild(host);
  createRoot(host).render(
    <ThemeContext.Provider value={theme}>
      <Panel {...props} />
    </ThemeContext.Provider>
  );
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  return testId;
}

declare global {
  interface Window {
    faultlineSmoke: { loadPlugin: typeof loadPlugin; renderPanel: typeof renderPanel };
  }
}
window.faultlineSmoke = { loadPlugin, renderPanel };
document.body.dataset.ready = 'true';
