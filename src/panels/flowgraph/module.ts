import { PanelPlugin } from '@grafana/data';
import { FlowGraphPanel } from './FlowGraphPanel';
import { FlowGraphOptions } from './types';

export const plugin = new PanelPlugin<FlowGraphOptions>(FlowGraphPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'layout',
      name: 'Layout',
      defaultValue: 'auto',
      settings: { options: ['auto', 'layered', 'force'].map((v) => ({ value: v, label: v })) },
    })
    .addRadio({
      path: 'colorBy',
      name: 'Colour nodes by',
      defaultValue: 'team',
      settings: { options: ['team', 'health', 'errors'].map((v) => ({ value: v, label: v })) },
    })
    .addRadio({
      path: 'groupBy',
      name: 'Group by',
      defaultValue: 'none',
      settings: { options: ['none', 'team', 'namespace'].map((v) => ({ value: v, label: v })) },
    })
    .addBooleanSwitch({ path: 'showLabels', name: 'Labels', defaultValue: true })
);
