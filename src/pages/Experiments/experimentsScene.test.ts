import '../shared/jsdomShims';
import { pageSettings } from '../../components/AppConfig/settings';
import { panelsOf } from '../shared/sceneTestkit';
import { testDataSources } from '../shared/testDataSources';
import { experimentsScene } from './experimentsScene';

describe('experimentsScene', () => {
  const panels = panelsOf(experimentsScene(pageSettings(undefined, testDataSources)));

  it('filters the runs by the status, backend and service variables', () => {
    const chaos = panels
      .flatMap((p) => p.queries)
      .filter((q) => q.queryType === 'timeline' || q.queryType === 'experiments');
    expect(chaos).toHaveLength(2);
    chaos.forEach((q) => expect(q.chaos).toEqual({ status: ['$status'], sources: ['$source'], service: '$service' }));
  });

  it('draws the blast radius from flows joined with chaos runs, and the measured impact of the run in $run', () => {
    const blast = panels.find((p) => p.pluginId === 'faultline-flowgraph-panel');
    expect(blast?.queries[0]).toMatchObject({
      queryType: 'flows',
      flows: { joinChaos: true, preset: 'beyla' },
      impact: { runId: '$run' },
      chaos: { status: ['$status'], sources: ['$source'], service: '$service' },
    });
    // Auto: the impact overlay when a run is picked, the blast radius otherwise.
    expect(blast?.options.overlay).toBe('auto');
  });

  it('measures the impact of the runs the page selects, or of the run in $run', () => {
    const impact = panels.flatMap((p) => p.queries).find((q) => q.queryType === 'impact');
    expect(impact).toMatchObject({
      impact: { runId: '$run' },
      chaos: { status: ['$status'], sources: ['$source'], service: '$service' },
      flows: { preset: 'beyla' },
    });
  });
});
