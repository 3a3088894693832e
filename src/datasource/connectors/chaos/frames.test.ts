import { FieldType } from '@grafana/data';
import { annotationFrame, annotationText, experimentsFrame, tagsOf } from './frames';
import { aRun } from './testRuns';
import { timelineFrame } from './timeline';

const T0 = Date.UTC(2026, 10, 26, 10, 0);
const MIN = 60_000;
const values = (frame: ReturnType<typeof annotationFrame>, name: string) =>
  frame.fields.find((f) => f.name === name)!.values;

describe('annotationFrame', () => {
  const runs = [
    aRun({ id: 'ok', start: T0, end: T0 + 5 * MIN, status: 'succeeded' }),
    aRun({
      id: 'dev',
      start: T0 + MIN,
      end: T0 + 2 * MIN,
      status: 'succeeded',
      verdict: { outcome: 'deviated', detail: 'steady state not met after the method' },
    }),
    aRun({ id: 'open', start: T0 + 10 * MIN, end: undefined, status: 'running' }),
    aRun({ id: 'stop', start: T0 + 20 * MIN, end: T0 + 21 * MIN, status: 'aborted', url: undefined }),
  ];
  const now = T0 + 30 * MIN;

  it('gives Grafana one region per run with start, end and an id', () => {
    const f = annotationFrame(runs, T0 + 60 * MIN, now);
    expect(f.length).toBe(4);
    expect(f.fields.find((x) => x.name === 'time')?.type).toBe(FieldType.time);
    expect(values(f, 'timeEnd')).toEqual([T0 + 5 * MIN, T0 + 2 * MIN, now, T0 + 21 * MIN]);
    expect(values(f, 'isRegion')).toEqual([true, true, true, true]);
    expect(values(f, 'id')).toEqual(['chaosmesh:ok', 'chaosmesh:dev', 'chaosmesh:open', 'chaosmesh:stop']);
  });

  it('ends open runs at the range end when the range lies in the past', () => {
    expect(values(annotationFrame(runs, T0 + 15 * MIN, now), 'timeEnd')[2]).toBe(T0 + 15 * MIN);
  });

  it('colours by outcome: succeeded green, deviated red, running amber, aborted grey — also through newState', () => {
    const f = annotationFrame(runs, T0 + 60 * MIN, now);
    expect(values(f, 'color')).toEqual(['#56A64B', '#E02F44', '#FF9830', '#8E8E8E']);
    expect(values(f, 'newState')).toEqual(['ok', 'alerting', 'pending', 'no_data']);
    expect(values(f, 'title')[1]).toBe('payments-pod-kill · deviated');
  });

  it('tags runs with kind, namespace, source and labels', () => {
    expect(tagsOf(runs[0])).toEqual([
      'kind:PodChaos',
      'namespace:shop',
      'source:chaosmesh',
      'team:payments',
      'env:prod',
    ]);
    const withComma = aRun({ labels: { note: 'a,b' } });
    expect(values(annotationFrame([withComma], T0, T0), 'tags')).toEqual([
      'kind:PodChaos,namespace:shop,source:chaosmesh,note:a b',
    ]);
  });
});

describe('annotationText', () => {
  it('names the run, kind, targets, verdict and source and links to the run', () => {
    const text = annotationText(aRun({ url: 'http://chaos.example/experiments/u1', verdict: { outcome: 'passed' } }));
    expect(text).toBe(
      '<b>payments-pod-kill</b><br/>PodChaos in shop<br/>targets: shop/payments-7d9f8c6b5-x2x9z<br/>status: succeeded · verdict: passed<br/>source: Chaos Mesh<br/>' +
        '<a href="http://chaos.example/experiments/u1" target="_blank" rel="noopener noreferrer">Open run in Chaos Mesh</a>'
    );
  });

  it('escapes markup written into run names and targets', () => {
    const text = annotationText(
      aRun({ name: '<img src=x onerror=alert(1)>', targets: ['"><script>'], url: 'http://x.example/?a="b"' })
    );
    expect(text).not.toMatch(/<img|<script/);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The link is rendered as safeUrl normalizes it: the quotes are percent-encoded and cannot close the attribute.
    expect(text).toContain('href="http://x.example/?a=%22b%22"');
  });

  it('escapes markup in the region title, which Grafana renders as HTML beside the text', () => {
    const f = annotationFrame([aRun({ name: '<img src=x> & "co"' })], T0, T0);
    expect(values(f, 'title')[0]).toBe('&lt;img src=x&gt; &amp; &quot;co&quot; · succeeded');
  });

  it('renders no link for a run URL that is not http(s), even when a connector skipped safeUrl', () => {
    const text = annotationText(aRun({ url: 'javascript:alert(1)' }));
    expect(text).not.toContain('<a ');
    expect(text).not.toContain('javascript');
  });
});

describe('experimentsFrame', () => {
  it('is a table with status, verdict, duration, targets and a data link on the run name', () => {
    const f = experimentsFrame(
      [
        aRun({ url: 'http://x.example/r1', verdict: { outcome: 'passed', detail: 'resiliency score 100%' } }),
        aRun({ id: 'r2', end: undefined, status: 'running' }),
      ],
      T0,
      T0 + 10 * MIN
    );
    expect(f.fields.map((x) => x.name)).toEqual([
      'run',
      'status',
      'verdict',
      'start',
      'duration',
      'targets',
      'kind',
      'namespace',
      'source',
      'link',
      'id',
    ]);
    expect(values(f, 'duration')).toEqual([5 * MIN, 10 * MIN]);
    expect(values(f, 'verdict')).toEqual(['passed (resiliency score 100%)', '']);
    expect(values(f, 'link')).toEqual(['http://x.example/r1', '']);
    expect(f.fields[0].config.links?.[0].url).toBe('${__data.fields.link}');
  });
});

describe('timelineFrame', () => {
  const range = { from: T0, to: T0 + 60 * MIN };

  it('puts repeated runs of one experiment on one row, null between them, open runs to the edge', () => {
    const runs = [
      aRun({ id: 'a', name: 'kill', start: T0 + 5 * MIN, end: T0 + 10 * MIN, status: 'succeeded' }),
      aRun({ id: 'b', name: 'kill', start: T0 + 20 * MIN, end: T0 + 25 * MIN, status: 'failed' }),
      aRun({ id: 'c', name: 'latency', start: T0 + 40 * MIN, end: undefined, status: 'running' }),
    ];
    const { frame, droppedRows } = timelineFrame(runs, range, T0 + 50 * MIN);
    expect(droppedRows).toBe(0);
    expect(frame.fields.map((f) => f.name)).toEqual(['time', 'kill', 'latency']);
    const m = (x: number) => T0 + x * MIN;
    expect(frame.fields[0].values).toEqual([m(0), m(5), m(10), m(20), m(25), m(40), m(50)]);
    expect(frame.fields[1].values).toEqual([null, 'succeeded', null, 'failed', null, null, null]);
    expect(frame.fields[2].values).toEqual([null, null, null, null, null, 'running', 'running']);
  });

  it('shows the latest-started of overlapping runs, then the earlier one again', () => {
    const runs = [
      aRun({ id: 'a', name: 'x', start: T0, end: T0 + 30 * MIN, status: 'succeeded' }),
      aRun({ id: 'b', name: 'x', start: T0 + 10 * MIN, end: T0 + 20 * MIN, status: 'failed' }),
    ];
    const { frame } = timelineFrame(runs, range, T0 + 60 * MIN);
    expect(frame.fields[1].values).toEqual(['succeeded', 'failed', 'succeeded', null, null]);
  });

  it('keeps the 50 most recent experiments and says how many rows it dropped', () => {
    const runs = Array.from({ length: 60 }, (_, i) =>
      aRun({ id: `r${i}`, name: `exp-${String(i).padStart(2, '0')}`, start: T0 + i * 1000, end: T0 + i * 1000 + 500 })
    );
    const { frame, droppedRows } = timelineFrame(runs, range, T0 + 60 * MIN);
    expect(droppedRows).toBe(10);
    expect(frame.fields[1].name).toBe('exp-10');
  });
});

describe('pending runs', () => {
  const pending = aRun({ id: 'q', status: 'pending', start: T0, end: undefined });

  it('take no time on the timeline until they start', () => {
    const { frame } = timelineFrame([pending], { from: T0 - MIN, to: T0 + 60 * MIN }, T0 + 30 * MIN);
    expect(frame.fields).toHaveLength(1);
  });
});
