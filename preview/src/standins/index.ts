/**
 * Stand-ins for Grafana's core panels (they ship inside Grafana, in no package), each built from
 * @grafana/ui components and labelled "preview stand-in" on screen.
 */
import { PanelPlugin, PanelPluginMeta, PluginType } from '@grafana/data';
import { nodeGraphPlugin } from './nodeGraph';
import { stateTimelinePlugin } from './stateTimeline';
import { statPlugin } from './stat';
import { tablePlugin } from './table';
import { textPlugin } from './text';
import { timeseriesPlugin } from './timeseries';

const STAND_INS: Record<string, PanelPlugin> = {
  timeseries: timeseriesPlugin,
  table: tablePlugin,
  stat: statPlugin,
  'state-timeline': stateTimelinePlugin,
  nodeGraph: nodeGraphPlugin,
  text: textPlugin,
};

export function standInPanel(id: string): PanelPlugin | undefined {
  const plugin = STAND_INS[id];
  if (plugin && !plugin.meta?.id) {
    plugin.meta = {
      id,
      name: `${id} (preview stand-in)`,
      type: PluginType.panel,
      module: `core:plugin/${id}`,
      baseUrl: '',
      sort: 0,
      info: { author: { name: 'Faultline preview' }, description: '', links: [], logos: { small: '', large: '' }, screenshots: [], updated: '', version: '' },
    } as PanelPluginMeta;
  }
  return plugin;
}
