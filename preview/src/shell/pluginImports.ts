/**
 * How scenes' VizPanel gets a panel plugin: the built dist/ module for Faultline's panels (found in
 * the boot data, as Grafana finds it), a labelled stand-in for Grafana's core panels.
 */
import React from 'react';
import { PanelPlugin, PanelPluginMeta } from '@grafana/data';
import { config } from '@grafana/runtime';
import { loadPluginModule } from '../loader';
import { standInPanel } from '../standins';
import { Frame, NoData } from '../standins/StandInBadge';

const cache = new Map<string, PanelPlugin>();

function missingCorePanel(id: string): PanelPlugin {
  const Missing = () =>
    React.createElement(Frame, { type: id, children: React.createElement(NoData, { message: `Grafana's core "${id}" panel has no stand-in in the preview` }) });
  const plugin = new PanelPlugin(Missing);
  plugin.meta = { id, name: id, type: 'panel', module: `core:plugin/${id}`, baseUrl: '', sort: 0, info: { logos: { small: '', large: '' } } } as unknown as PanelPluginMeta;
  return plugin;
}

export async function importPanelPlugin(id: string): Promise<PanelPlugin> {
  const cached = cache.get(id);
  if (cached) {
    return cached;
  }
  const meta = config.panels[id];
  let plugin: PanelPlugin | undefined;
  if (meta?.module && !meta.module.startsWith('core:')) {
    const mod = await loadPluginModule(meta.module);
    if (!(mod.plugin instanceof PanelPlugin)) {
      throw new Error(`${meta.module} does not export a PanelPlugin`);
    }
    plugin = mod.plugin;
    plugin.meta = { ...meta };
  } else {
    plugin = standInPanel(id) ?? missingCorePanel(id);
  }
  cache.set(id, plugin);
  return plugin;
}

export const getPanelPluginFromCache = (id: string) => cache.get(id);
