import pluginJson from '../../plugin.json';
import { ChaosRun } from '../../../model';
import { checkHealth } from '../../health';
import { fetchTransport } from '../../http/fetchTransport';
import { FaultlineOptions } from '../../types';
import { ChaosBackend } from './backend';
import { CHAOS_BACKENDS, configuredBackends } from './backends';
import { loadRuns } from '.';
import { runsForQuery } from './notices';
import { chaosProbes } from './probe';

const routes = pluginJson.routes as Array<{ path: string; method?: string }>;

describe('the chaos backend registry', () => {
  it.each(Object.values(CHAOS_BACKENDS).map((b) => [b.where, b]))('%s calls a data proxy route of plugin.json', (_, b) => {
    expect(routes.map((r) => r.path)).toContain(b.route);
  });

  it.each(Object.values(CHAOS_BACKENDS).map((b) => [b.where, b]))('%s is configured by its own settings', (_, b) => {
    const text = b.settings.filter((f) => f.kind === 'text').map((f) => f.key);
    expect(text.length).toBeGreaterThan(0);
    expect(b.isConfigured({})).toBe(false);
  });
});

describe('adding a backend takes its folder and one registry line', () => {
  const run: ChaosRun = { source: 'chaosmesh', id: 'fake-1', name: 'fake run', kind: 'Fake', targets: ['checkout'], start: 1000, end: 2000, status: 'succeeded', labels: {}, events: [] };
  // What a new backend's folder exports: nothing else in the data source names it.
  const fake: ChaosBackend = {
    source: 'chaosmesh',
    name: 'Fake chaos',
    where: 'Fake chaos',
    route: 'fake',
    isConfigured: (s) => Boolean((s as FaultlineOptions & { fakeUrl?: string }).fakeUrl),
    settings: [],
    load: async () => ({ runs: [run] }),
  };
  const registry = CHAOS_BACKENDS as unknown as Record<string, ChaosBackend>;
  const settings = { fakeUrl: 'http://fake.invalid' } as FaultlineOptions;
  const ctx = { settings, transport: fetchTransport({}), range: { from: 0, to: 10_000 }, interpolate: (v?: string) => v ?? '', scopedVars: {}, cache: new Map(), refId: 'A' };

  beforeAll(() => {
    registry.fake = fake; // the registry line
  });
  afterAll(() => {
    delete registry.fake;
  });

  it('is loaded, named in notices and probed by the health check', async () => {
    expect(configuredBackends(settings).map((b) => b.where)).toEqual(['Fake chaos']);
    expect((await loadRuns(ctx)).runs.map((r) => r.id)).toEqual(['fake-1']);
    const health = await checkHealth(settings, ctx.transport, [chaosProbes]);
    expect(health.details.map((d) => d.name)).toEqual(['Fake chaos']);
    const none = await runsForQuery({ ...ctx, settings: {} }, {});
    expect(none.notices[0].text).toContain('Fake chaos');
  });
});
