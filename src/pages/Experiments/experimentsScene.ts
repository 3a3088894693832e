import { CustomVariable, PanelBuilders, TextBoxVariable, SceneQueryRunner, VizPanel } from '@grafana/scenes';
import type { PageSettings } from '../../components/AppConfig/settings';
import { FLOWGRAPH_PANEL } from '../../constants';
import type { ChaosFilter } from '../../datasource/types';
import { CHAOS_SOURCES, CHAOS_STATUSES, ChaosSource, ChaosStatus } from '../../model';
import { IMPACT_HIDDEN, SERVICE_LINK_TEMPLATE } from '../shared/links';
import { faultlineRef, flowsQuery, impactQuery } from '../shared/queries';
import { hideInTable } from '../shared/hideInTable';
import { pageScene } from '../shared/scene';
import { runsTable, runsTimeline } from '../shared/runsTable';

const multi = (name: string, label: string, values: readonly string[]) =>
  new CustomVariable({ name, label, query: values.join(','), isMulti: true, includeAll: true, defaultToAll: true });

/**
 * Every run of every chaos backend: a timeline and a table filtered by status and backend, each run
 * linking back to its backend and to its blast radius, drawn on the flow map below.
 */
export function experimentsScene(s: PageSettings) {
  // Variable references: the data source resolves them to the selected statuses and backends.
  // `service` narrows to runs targeting those services (comma separated), as the panel menu's
  // "Chaos runs in this time range" link opens the page; empty lists every run.
  const chaos: ChaosFilter = {
    status: ['$status' as ChaosStatus],
    sources: ['$source' as ChaosSource],
    service: '$service',
  };
  const timeline = runsTimeline(s, chaos).setTitle('Runs over time').build();
  const table = runsTable(s, chaos)
    .setTitle('Runs')
    .setDescription(
      'Run: open it in its backend, its blast radius, or the flow map at that time. Filter status or verdict with the funnel in a column header.'
    )
    .setCustomFieldConfig('filterable', true)
    .build();
  const blast = new VizPanel({
    pluginId: FLOWGRAPH_PANEL,
    title: 'Blast radius',
    description:
      'Targets of the runs in the time range, the services calling them (upstream) and those they call (downstream). With a Run id: each measured service ringed by its impact, and the edges by what changed on them during the run.',
    // Auto: the measured impact when a run is picked, the blast radius of every run otherwise.
    options: { overlay: 'auto', colorBy: 'team', dashboardUrl: SERVICE_LINK_TEMPLATE },
    $data: new SceneQueryRunner({
      datasource: faultlineRef(s),
      queries: [{ ...flowsQuery(s, { joinChaos: true }), chaos, impact: { runId: '$run' } }],
    }),
  });
  const impact = impactTable(s, chaos, '$run');
  return pageScene({
    from: 'now-7d',
    variables: [
      multi('status', 'Status', CHAOS_STATUSES),
      multi('source', 'Backend', CHAOS_SOURCES),
      new TextBoxVariable({ name: 'service', label: 'Service', value: '' }),
      new TextBoxVariable({ name: 'run', label: 'Run id', value: '' }),
    ],
    rows: [
      { height: 260, items: [timeline] },
      { height: 320, items: [table] },
      { height: 320, items: [impact] },
      { height: 480, items: [blast] },
    ],
  });
}

/** What the runs did to their targets and flow neighbours, measured against the baseline before each run. */
export function impactTable(s: PageSettings, chaos: ChaosFilter, runId?: string) {
  return PanelBuilders.table()
    .setTitle('Measured impact')
    .setDescription(
      'Targets and their flow neighbours (2 hops) during each run against the same length before it: a change within the baseline’s own variation is no impact. Reach: contained (only targets impacted) or escaped.'
    )
    .setData(new SceneQueryRunner({ datasource: faultlineRef(s), queries: [impactQuery(s, { runId }, chaos)] }))
    .setOverrides((b) => hideInTable(b, IMPACT_HIDDEN))
    .build();
}
