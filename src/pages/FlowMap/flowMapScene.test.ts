import '../shared/jsdomShims';
import { pageSettings } from '../../components/AppConfig/settings';
import { panelsOf } from '../shared/sceneTestkit';
import { testDataSources } from '../shared/testDataSources';
import { flowMapQuery, flowMapScene } from './flowMapScene';

describe('flowMapScene', () => {
  const s = pageSettings({ flowPreset: 'servicegraph' }, testDataSources);

  it('groups the estate by team', () => {
    const [map] = panelsOf(flowMapScene(s));
    expect(map.pluginId).toBe('faultline-flowgraph-panel');
    expect(map.options.groupBy).toBe('team');
    expect(map.queries[0]).toMatchObject({ queryType: 'flows', flows: { preset: 'servicegraph', joinOwners: true } });
  });

  it('sends no comparison for "none" and the duration otherwise', () => {
    expect(flowMapQuery(s, 'none').flows).not.toHaveProperty('compareWith');
    expect(flowMapQuery(s, '').flows).not.toHaveProperty('compareWith');
    expect(flowMapQuery(s, '1d').flows?.compareWith).toBe('1d');
  });
});
