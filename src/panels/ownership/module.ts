import { PanelPlugin } from '@grafana/data';
import { OwnershipPanel } from './OwnershipPanel';
import { OWNERSHIP_LAYOUTS, OwnershipOptions } from './types';

export const plugin = new PanelPlugin<OwnershipOptions>(OwnershipPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'layout',
      name: 'Layout',
      description: 'Auto picks full for one service, compact for a few and table for many',
      defaultValue: 'auto',
      settings: { options: OWNERSHIP_LAYOUTS.map((v) => ({ value: v, label: v })) },
    })
    .addBooleanSwitch({ path: 'showMissing', name: 'Show missing catalog fields', defaultValue: true })
);
