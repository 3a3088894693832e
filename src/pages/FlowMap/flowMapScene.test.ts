import '../shared/jsdomShims';
import { pageSettings } from '../../components/AppConfig/settings';
import { panelsOf } from '../shared/sceneTestkit';
import { testDataSources } from '../shared/testDataSources';
import { flowMapQuery, flowMapScene } from './flowMapScene';

describe('flowMapScene', () => {
  const s = pageSettings({ flowPreset: 'servicegraph' }, testDataSources);

  it('groups the estate by team', () => {
    const map = panelsOf(flowMapScene(s)).find((p) => p.title === 'Flow map')!;
    expect(map.pluginId).toBe('faultline-flowgraph-panel');
    expect(map.options.groupBy).toBe('team');
    expect(map.queries[0]).toMatchObject({ queryType: 'flows', flows: { preset: 'servicegraph', joinOwners: true } });
  });

  it('sends no comparison for "none" and the duration otherwise', () => {
    expect(flowMapQuery(s, 'none').flows).not.toHaveProperty('compareWith');
    expect(flowMapQuery(s, '').flows).not.toHaveProperty('compareWith');
    expect(flowMapQuery(s, '1d').flows?.compareWith).toBe('1d');
  });

  it('answers "which cluster is on fire?" above the map, with the clusters query on the page’s flows', () => {
    const [overview, map] = panelsOf(flowMapScene(s));
    expect(overview).toMatchObject({ pluginId: 'table', title: 'Clusters: which one is on fire?' });
    expect(overview.queries).toEqual([
      expect.objectContaining({ refId: 'clusters', queryType: 'clusters', flows: map.queries[0].flows }),
    ]);
    expect(overview.queries[0].flows).toMatchObject({ preset: 'servicegraph', joinOwners: true, joinChaos: true });
  });
});
