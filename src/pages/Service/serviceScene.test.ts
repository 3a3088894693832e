import '../shared/jsdomShims';
import { pageSettings } from '../../components/AppConfig/settings';
import { panelsOf } from '../shared/sceneTestkit';
import { testDataSources } from '../shared/testDataSources';
import { serviceScene } from './serviceScene';

describe('serviceScene', () => {
  const scene = serviceScene(pageSettings({ datasourceUid: 'ds1' }, testDataSources), 'payments');
  const panels = panelsOf(scene);

  it('narrows every Faultline query to the service', () => {
    const faultline = panels.flatMap((p) => p.queries).filter((q) => (q.datasource as { uid: string }).uid === 'ds1');
    expect(faultline.map((q) => q.queryType).sort()).toEqual([
      'experiments',
      'flows',
      'impact',
      'ownership',
      'scorecard',
      'scorecard',
      'timeline',
    ]);
    for (const q of faultline) {
      const service = (q.catalog as { service?: string })?.service ?? (q.chaos as { service?: string })?.service;
      expect(q.queryType === 'flows' || service === 'payments').toBe(true);
    }
  });

  it('uses the plugin panels for ownership and the flow neighbourhood, core panels for the rest', () => {
    expect(panels.map((p) => p.pluginId)).toEqual([
      'faultline-ownership-panel',
      'stat',
      'table',
      'faultline-flowgraph-panel',
      'timeseries',
      'timeseries',
      'timeseries',
      'state-timeline',
      'table',
      'table',
    ]);
    expect(panels.find((p) => p.pluginId === 'faultline-flowgraph-panel')?.options.dashboardUrl).toBe(
      '/a/faultline-app/service/${service}'
    );
  });

  it('draws the chaos runs of the service over its metrics', () => {
    const layers = scene.state.$data?.state as {
      layers?: Array<{ state: { isEnabled?: boolean; query: { target: Record<string, unknown> } } }>;
    };
    // Each ended run's text carries its measured reach, on this page's flow preset.
    expect(layers.layers?.[0].state.query.target).toMatchObject({
      chaos: { service: 'payments' },
      impact: { inAnnotations: true },
      flows: { preset: 'beyla' },
    });
    expect(layers.layers?.[0].state.isEnabled).toBe(true);
    const metrics = panels.filter((p) => p.pluginId === 'timeseries').flatMap((p) => p.queries);
    expect(metrics.map((q) => q.expr)).toEqual([
      expect.stringContaining('service="payments"'),
      expect.stringContaining('code=~"5.."'),
      expect.stringContaining('histogram_quantile(0.95'),
    ]);
  });
});
