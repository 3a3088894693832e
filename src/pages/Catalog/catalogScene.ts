import { PanelBuilders, QueryVariable, SceneFlexItem, SceneQueryRunner, TextBoxVariable } from '@grafana/scenes';
import type { PageSettings } from '../../components/AppConfig/settings';
import { driftQuery, faultlineRef, scorecardQuery } from '../shared/queries';
import { hideInTable } from '../shared/hideInTable';
import { pageScene } from '../shared/scene';

/** Columns the catalog table shows first; the rule columns follow, the hint last. */
const HIDDEN = ['ready', 'last_run_start'];

/**
 * Every catalog service with owner, tier, lifecycle, on-call, last chaos run and verdict, callers
 * and callees seen in the flows and its readiness: the `scorecard` query does the join, so a
 * dashboard table of the same query shows the same rows. Least ready first.
 */
export function catalogScene(s: PageSettings) {
  const team = new QueryVariable({
    name: 'team',
    label: 'Team',
    datasource: faultlineRef(s),
    query: { refId: 'team', kind: 'owners' },
    isMulti: true,
    includeAll: true,
    defaultToAll: true,
    // All means no filter, not "any of the teams listed": a service without an owner is in no team
    // and would drop out. `*` reaches the data source as is, which reads it as no filter.
    allValue: '*',
  });
  const search = new TextBoxVariable({ name: 'search', label: 'Search', value: '' });
  const services = PanelBuilders.table()
    .setTitle('Services')
    .setDescription('Click a service to open its page. Sort by any column; filter with the funnel in a column header.')
    .setData(
      new SceneQueryRunner({
        datasource: faultlineRef(s),
        queries: [scorecardQuery(s, { team: '$team', search: '$search' })],
      })
    )
    // No sortBy: Grafana's table would re-sort by it and push owner-less services down; the frame
    // comes in catalogOrder (no owner first, then least ready).
    .setCustomFieldConfig('filterable', true)
    .setOverrides((b) => {
      b.matchFieldsWithName('hint').overrideCustomFieldConfig('width', 420);
      hideInTable(b, HIDDEN);
    })
    .build();
  const teams = PanelBuilders.table()
    .setTitle('Readiness by team')
    .setData(
      new SceneQueryRunner({
        datasource: faultlineRef(s),
        queries: [scorecardQuery(s, { by: 'team', team: '$team', search: '$search', refId: 'teams' })],
      })
    )
    .build();
  const driftTeams = PanelBuilders.table()
    .setTitle('Catalog drift by team')
    .setDescription(
      'Services in the flows the catalog lacks, production services without traffic, owners that resolve to nobody'
    )
    .setData(new SceneQueryRunner({ datasource: faultlineRef(s), queries: [driftQuery(s, 'team')] }))
    .build();
  const drift = PanelBuilders.table()
    .setTitle('Catalog drift')
    .setDescription('Each gap and the change that closes it')
    .setData(new SceneQueryRunner({ datasource: faultlineRef(s), queries: [driftQuery(s, 'item')] }))
    .setOverrides((b) => b.matchFieldsWithName('fix').overrideCustomFieldConfig('width', 520))
    .build();
  return pageScene({
    variables: [team, search],
    rows: [
      { height: 200, items: [teams] },
      { height: 640, items: [services] },
      { height: 320, items: [new SceneFlexItem({ width: 420, body: driftTeams }), drift] },
    ],
  });
}
