import '../shared/jsdomShims';
import { QueryVariable, sceneGraph } from '@grafana/scenes';
import { pageSettings } from '../../components/AppConfig/settings';
import { panelsOf } from '../shared/sceneTestkit';
import { testDataSources } from '../shared/testDataSources';
import { catalogScene } from './catalogScene';

describe('catalogScene', () => {
  const scene = catalogScene(pageSettings({ scorecard: { readyScore: 70 } }, testDataSources));

  it('shows the scorecard per team and per service, filtered by the team variable, with the app rule settings', () => {
    const panels = panelsOf(scene);
    expect(panels.map((p) => p.title)).toEqual([
      'Readiness by team',
      'Services',
      'Catalog drift by team',
      'Catalog drift',
    ]);
    const [teams, services] = panels.map((p) => p.queries[0]);
    expect(teams).toMatchObject({
      queryType: 'scorecard',
      catalog: { owner: '$team' },
      scorecard: { by: 'team', config: { readyScore: 70 } },
    });
    expect(services).toMatchObject({
      queryType: 'scorecard',
      catalog: { owner: '$team' },
      scorecard: { by: 'service', search: '$search' },
    });
    const team = sceneGraph.lookupVariable('team', scene);
    expect(team).toBeInstanceOf(QueryVariable);
    expect((team as QueryVariable).state.query).toEqual({ refId: 'team', kind: 'owners' });
  });

  it('shows catalog drift per team and per gap, against the page’s flows', () => {
    const [byTeam, items] = panelsOf(scene)
      .slice(2)
      .map((p) => p.queries[0]);
    expect(byTeam).toMatchObject({ queryType: 'drift', drift: { by: 'team' }, flows: { preset: 'beyla' } });
    expect(items).toMatchObject({ queryType: 'drift', drift: { by: 'item' } });
  });

  it('passes Team = All as "no filter", so services without an owner stay listed', () => {
    const team = sceneGraph.lookupVariable('team', scene) as QueryVariable;
    expect(team.state).toMatchObject({ includeAll: true, defaultToAll: true, allValue: '*' });
  });
});
