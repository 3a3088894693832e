import { ChaosRun } from '../../../model/chaos';
import { annotationText, experimentsFrame } from './frames';
import { traceLinks, traceqlForServices, tracingSource } from './traceLink';

const run: ChaosRun = {
  source: 'chaostoolkit',
  id: '/journals/r.json',
  name: 'r',
  kind: 'errors',
  targets: ['payments', 'check"out\\x'],
  start: Date.UTC(2026, 11, 1, 10, 0, 0),
  end: Date.UTC(2026, 11, 1, 10, 0, 30),
  status: 'succeeded',
  labels: {},
  events: [],
};

/** Explore's URL state read back the way parseURL.ts does: schemaVersion 1, panes as JSON. */
function explore(url: string) {
  const [path, search] = url.split('?');
  const params = new URLSearchParams(search);
  const panes = JSON.parse(params.get('panes')!) as Record<
    string,
    { datasource: string; queries: Array<Record<string, unknown>>; range: { from: string; to: string } }
  >;
  return { path, schemaVersion: params.get('schemaVersion'), panes: Object.values(panes) };
}

// The query types the two data sources know (tempo/dataquery.gen.ts TempoQueryType, jaeger/types.ts JaegerQueryType).
const TEMPO_QUERY_TYPES = [
  'traceql',
  'traceqlSearch',
  'search',
  'serviceMap',
  'upload',
  'nativeSearch',
  'traceId',
  'clear',
];
const JAEGER_QUERY_TYPES = ['search', 'upload'];

describe('links to a run’s traces in Explore', () => {
  it('Tempo: one TraceQL query over every target, in the run’s window', () => {
    const links = traceLinks(run, { uid: 'tempo-uid', type: 'tempo' }, Date.now());
    expect(links).toHaveLength(1);
    const e = explore(links[0].url);
    expect(e.path).toBe('/explore');
    expect(e.schemaVersion).toBe('1');
    expect(e.panes).toHaveLength(1);
    expect(e.panes[0].datasource).toBe('tempo-uid');
    expect(e.panes[0].range).toEqual({ from: String(run.start), to: String(run.end) });
    const q = e.panes[0].queries[0];
    expect(TEMPO_QUERY_TYPES).toContain(q.queryType);
    expect(q).toMatchObject({
      refId: 'A',
      datasource: { type: 'tempo', uid: 'tempo-uid' },
      queryType: 'traceql',
      filters: [],
    });
    expect(q.query).toBe('{ resource.service.name = "payments" || resource.service.name = "check\\"out\\\\x" }');
  });

  it('TraceQL string literals escape quotes and backslashes', () => {
    expect(traceqlForServices(['a'])).toBe('{ resource.service.name = "a" }');
    expect(traceqlForServices(['a"b'])).toBe('{ resource.service.name = "a\\"b" }');
  });

  it('Jaeger: a service search per target, since Jaeger runs only the first query', () => {
    const links = traceLinks(run, { uid: 'j', type: 'jaeger' }, Date.now());
    expect(links.map((l) => l.title)).toEqual(['Traces of payments', 'Traces of check"out\\x']);
    for (const [i, l] of links.entries()) {
      const q = explore(l.url).panes[0].queries;
      expect(q).toHaveLength(1);
      expect(JAEGER_QUERY_TYPES).toContain(q[0].queryType);
      expect(q[0]).toEqual({
        refId: 'A',
        datasource: { type: 'jaeger', uid: 'j' },
        queryType: 'search',
        service: run.targets[i],
      });
    }
  });

  it('a run still going links up to now; no tracing source or no targets, no link', () => {
    const now = run.start + 5000;
    expect(
      explore(traceLinks({ ...run, end: undefined, status: 'running' }, { uid: 't', type: 'tempo' }, now)[0].url)
        .panes[0].range.to
    ).toBe(String(now));
    expect(traceLinks(run, undefined, now)).toEqual([]);
    expect(traceLinks({ ...run, targets: [] }, { uid: 't', type: 'tempo' }, now)).toEqual([]);
  });

  it('reads the settings: a uid is needed, the type defaults to Tempo, unknown types are refused', () => {
    expect(tracingSource({})).toBeUndefined();
    expect(tracingSource({ tracingDatasourceUid: ' ' })).toBeUndefined();
    expect(tracingSource({ tracingDatasourceUid: 'x' })).toEqual({ uid: 'x', type: 'tempo' });
    expect(tracingSource({ tracingDatasourceUid: 'x', tracingDatasourceType: 'zipkin' })).toBeUndefined();
  });

  it('the region’s tooltip and the table row carry the links, escaped', () => {
    const tracing = { uid: 'j', type: 'jaeger' as const };
    const html = annotationText(run, undefined, traceLinks(run, tracing, Date.now()));
    expect(html).toContain('>Traces of payments in Explore</a>');
    expect(html).toContain('Traces of check&quot;out\\x in Explore');
    expect(html).not.toContain('"out');
    const frame = experimentsFrame([run], run.end!, run.end!, tracing);
    const traces = frame.fields.find((f) => f.name === 'traces')!;
    expect(explore(traces.values[0]).panes[0].queries[0].service).toBe('payments');
    expect(frame.fields.find((f) => f.name === 'targets')!.config.links?.[0].url).toBe('${__data.fields.traces}');
    expect(experimentsFrame([run], run.end!, run.end!).fields.find((f) => f.name === 'traces')).toBeUndefined();
  });
});
