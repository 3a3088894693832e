import { PanelPlugin } from '@grafana/data';
import { FlowGraphPanel } from './FlowGraphPanel';
import type { GroupBy } from './graph/collapse';
import type { Hierarchy } from './graph/hierarchy';
import type { LayoutMode } from './layout/types';
import type { ColorBy, Overlay } from './render/style';
import { DEFAULT_OPTIONS as D, type FlowGraphOptions } from './types';

const choices = <T extends string>(values: Array<[T, string]>) => ({
  options: values.map(([value, label]) => ({ value, label })),
});

export const plugin = new PanelPlugin<FlowGraphOptions>(FlowGraphPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'layout',
      name: 'Layout',
      description: 'Auto: layered (calls left to right) up to 300 nodes, force-directed above',
      defaultValue: D.layout,
      settings: choices<LayoutMode>([
        ['auto', 'Auto'],
        ['layered', 'Layered'],
        ['force', 'Force'],
      ]),
    })
    .addSelect({
      path: 'colorBy',
      name: 'Colour nodes by',
      description: 'Auto: team when the data names teams, else namespace, else health',
      defaultValue: D.colorBy,
      settings: choices<ColorBy>([
        ['auto', 'Auto'],
        ['team', 'Team'],
        ['owner', 'Owner'],
        ['namespace', 'Namespace'],
        ['health', 'Health (error share)'],
      ]),
    })
    .addRadio({
      path: 'groupBy',
      name: 'Group by',
      defaultValue: D.groupBy,
      settings: choices<GroupBy>([
        ['none', 'None'],
        ['team', 'Team'],
        ['namespace', 'Namespace'],
        ['owner', 'Owner'],
      ]),
    })
    .addRadio({
      path: 'hierarchy',
      name: 'Levels',
      description:
        'Above the node budget the map opens at the finest level that fits: cluster (when the data has several), then namespace, team or system',
      defaultValue: D.hierarchy,
      settings: choices<Hierarchy>([
        ['auto', 'Auto'],
        ['namespace', 'Namespace'],
        ['team', 'Team'],
        ['system', 'System'],
        ['none', 'None'],
      ]),
    })
    .addNumberInput({
      path: 'nodeBudget',
      name: 'Node budget',
      description: 'Most nodes drawn at once before the map groups them into levels',
      defaultValue: D.nodeBudget,
      settings: { min: 10, max: 5000, integer: true },
    })
    .addBooleanSwitch({
      path: 'zoomToOpen',
      name: 'Zoom opens groups',
      description: 'Zooming in on a closed group until it fills most of the map opens it',
      defaultValue: D.zoomToOpen,
    })
    .addNumberInput({
      path: 'pathDepth',
      name: 'Path depth',
      description: 'Hops of callers and callees lit around a selected node',
      defaultValue: D.pathDepth,
      settings: { min: 1, max: 20, integer: true },
    })
    .addNumberInput({
      path: 'trafficFloor',
      name: 'Traffic floor',
      description: 'The toolbar can hide nodes with less traffic than this (bytes/s)',
      defaultValue: D.trafficFloor,
      settings: { min: 0 },
    })
    .addRadio({
      path: 'overlay',
      name: 'Overlay',
      description:
        'Auto: the measured impact when the query names a chaos run, else the blast radius when a run targets a node, else the time-range diff, else cross-zone cost',
      defaultValue: D.overlay,
      settings: choices<Overlay>([
        ['auto', 'Auto'],
        ['none', 'None'],
        ['impact', 'Impact'],
        ['chaos', 'Chaos'],
        ['diff', 'Diff'],
        ['cost', 'Cost'],
      ]),
    })
    .addBooleanSwitch({
      path: 'showLabels',
      name: 'Labels',
      description: 'Node names where they are legible',
      defaultValue: D.showLabels,
    })
    .addTextInput({
      path: 'filter',
      name: 'Filter',
      description: 'e.g. team=payments errors>1% bytes>10MB',
      defaultValue: D.filter,
    })
    .addNumberInput({
      path: 'focusHops',
      name: 'Focus hops',
      description: 'Neighbourhood kept around a focused node',
      defaultValue: D.focusHops,
      settings: { min: 1, max: 6, integer: true },
    })
    .addNumberInput({
      path: 'nodeLimit',
      name: 'Node limit',
      description: 'Above this, the busiest nodes are drawn and a notice says so',
      defaultValue: D.nodeLimit,
      settings: { min: 100, max: 100_000, integer: true },
    })
    .addTextInput({
      path: 'dashboardUrl',
      name: 'Service dashboard',
      description: 'Linked from the node menu; ${service} is the node name',
      defaultValue: D.dashboardUrl,
    })
);
