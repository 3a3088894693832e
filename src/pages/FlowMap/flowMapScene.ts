import { ThresholdsMode } from '@grafana/data';
import { TableCellDisplayMode } from '@grafana/schema';
import { CustomVariable, PanelBuilders, SceneQueryRunner, VizPanel } from '@grafana/scenes';
import type { PageSettings } from '../../components/AppConfig/settings';
import { FLOWGRAPH_PANEL } from '../../constants';
import { SERVICE_LINK_TEMPLATE } from '../shared/links';
import { clustersQuery, faultlineRef, flowsQuery } from '../shared/queries';
import { pageScene } from '../shared/scene';

/** Comparison ranges offered for the diff; "None" leaves the diff off. */
export const COMPARE_OPTIONS = 'None : none,1 hour earlier : 1h,1 day earlier : 1d,1 week earlier : 7d';

/** The flows query for a comparison choice: none sends no `compareWith` at all. */
export function flowMapQuery(s: PageSettings, compare: string) {
  return flowsQuery(s, compare && compare !== 'none' ? { compareWith: compare } : {});
}

/** The whole estate grouped by team, with cross-zone cost and the change against an earlier range. */
export function flowMapScene(s: PageSettings) {
  const compare = new CustomVariable({
    name: 'compare',
    label: 'Compare with',
    query: COMPARE_OPTIONS,
    value: 'none',
    text: 'None',
  });
  const runner = new SceneQueryRunner({ datasource: faultlineRef(s), queries: [flowMapQuery(s, 'none')] });
  // The query changes shape with the choice (no comparison at all for "None"), so it is rebuilt rather than interpolated.
  runner.addActivationHandler(() => {
    const sync = () => {
      const next = flowMapQuery(s, String(compare.getValue()));
      if (JSON.stringify(next) !== JSON.stringify(runner.state.queries[0])) {
        runner.setState({ queries: [next] });
        runner.runQueries();
      }
    };
    sync();
    const sub = compare.subscribeToState(sync);
    return () => sub.unsubscribe();
  });
  const map = new VizPanel({
    pluginId: FLOWGRAPH_PANEL,
    title: 'Flow map',
    description: 'Every workload seen in the flow data, grouped by owning team. Open a node for its service page.',
    options: { groupBy: 'team', colorBy: 'team', overlay: 'auto', dashboardUrl: SERVICE_LINK_TEMPLATE },
    $data: runner,
  });
  return pageScene({
    from: 'now-1h',
    variables: [compare],
    rows: [
      { height: 240, items: [clustersTable(s)] },
      { height: 760, items: [map] },
    ],
  });
}

/** Error share at which a cluster's row turns orange, and red. */
export const ERROR_SHARE_STEPS = { warn: 0.01, fire: 0.05 };

/** Per cluster its traffic, error share, chaos runs and the owners to call: the most failing cluster first. */
export function clustersTable(s: PageSettings) {
  return PanelBuilders.table()
    .setTitle('Clusters: which one is on fire?')
    .setDescription(
      'Per cluster of the flow data: traffic sent from it, the error share of requests into it, chaos runs active in the range, and the owners of its busiest and most failing services.'
    )
    .setData(new SceneQueryRunner({ datasource: faultlineRef(s), queries: [clustersQuery(s)] }))
    .setOverrides((b) => {
      b.matchFieldsWithName('cluster').overrideCustomFieldConfig('width', 160);
      b.matchFieldsWithName('error_share')
        .overrideColor({ mode: 'thresholds' })
        .overrideThresholds({
          mode: ThresholdsMode.Absolute,
          steps: [
            { value: -Infinity, color: 'green' },
            { value: ERROR_SHARE_STEPS.warn, color: 'orange' },
            { value: ERROR_SHARE_STEPS.fire, color: 'red' },
          ],
        })
        .overrideCustomFieldConfig('cellOptions', { type: TableCellDisplayMode.ColorText });
    })
    .build();
}
