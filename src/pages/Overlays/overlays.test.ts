import { pageSettings } from '../../components/AppConfig/settings';
import { addOverlay, inspect, removeOverlay, type Change, type DashboardJson } from './overlays';

const s = pageSettings(undefined, (type) => (type === 'prometheus' ? 'prom-1' : 'faultline-1'));

function dashboard(over: Partial<DashboardJson> = {}): DashboardJson {
  return {
    uid: 'd1',
    title: 'Checkout',
    version: 3,
    schemaVersion: 39,
    annotations: {
      list: [{ builtIn: 1, name: 'Annotations & Alerts', datasource: { type: 'grafana', uid: '-- Grafana --' } }],
    },
    panels: [{ id: 2, type: 'timeseries', title: 'Requests', gridPos: { x: 0, y: 0, w: 12, h: 8 } }],
    templating: { list: [{ name: 'service', type: 'query' }] },
    ...over,
  };
}

const ok = (c: Change) => {
  if ('error' in c) {
    throw new Error(c.error);
  }
  return c;
};

describe('chaos overlay', () => {
  it("is narrowed to the dashboard's service variable and recognised by its marker", () => {
    const { dashboard: d, changed } = ok(addOverlay(dashboard(), 'chaos', s, ''));
    expect(changed).toBe(true);
    expect(d.annotations?.list?.[1]).toMatchObject({
      name: 'Faultline chaos runs',
      datasource: { type: 'faultline-datasource', uid: 'faultline-1' },
      target: { chaos: { service: '$service' } },
      faultlineOverlay: 'chaos/v1',
    });
    expect(inspect(d).chaos).toBe('added');
  });

  it('is added once however often it is added', () => {
    const once = ok(addOverlay(dashboard(), 'chaos', s, '')).dashboard;
    const twice = ok(addOverlay(once, 'chaos', s, ''));
    expect(twice.changed).toBe(false);
    expect(twice.dashboard).toBe(once);
  });

  it('takes the chosen service when the dashboard has no service variable, markup and "/" kept as data', () => {
    const d = ok(addOverlay(dashboard({ templating: { list: [] } }), 'chaos', s, 'shop/<b>checkout</b>')).dashboard;
    expect(d.annotations?.list?.[1]).toMatchObject({ target: { chaos: { service: 'shop/<b>checkout</b>' } } });
  });

  it('refuses without a service, or with one that would read as a list or a variable', () => {
    const bare = dashboard({ templating: { list: [] } });
    expect(addOverlay(bare, 'chaos', s, '')).toEqual({ error: expect.stringMatching(/no service variable/) });
    expect(addOverlay(bare, 'chaos', s, 'a,b')).toEqual({ error: expect.stringMatching(/cannot name one service/) });
    expect(addOverlay(bare, 'chaos', s, '$other')).toEqual({ error: expect.stringMatching(/cannot name one service/) });
  });

  it('leaves a Faultline annotation made by hand alone, also one of another data source or by name (old schema)', () => {
    const theirs = {
      name: 'Chaos (staging)',
      datasource: { type: 'faultline-datasource', uid: 'staging' },
      target: {},
    };
    const d = dashboard({ annotations: { list: [theirs] } });
    expect(inspect(d).chaos).toEqual({ other: '"Chaos (staging)" of data source staging' });
    expect(addOverlay(d, 'chaos', s, '')).toEqual({
      error: expect.stringMatching(/made by hand .*staging.*left as it is/),
    });
    expect(removeOverlay(d, 'chaos')).toEqual({ dashboard: d, changed: false });
    const byName = dashboard({
      schemaVersion: 27,
      annotations: { list: [{ name: 'Chaos', datasource: 'Faultline staging' }] },
    });
    expect(inspect(byName, new Set(['Faultline staging'])).chaos).toEqual({
      other: '"Chaos" of data source Faultline staging',
    });
  });

  it('is removed alone: the other annotations stay as they were', () => {
    const theirs = { name: 'Deploys', datasource: { type: 'prometheus', uid: 'p' } };
    const base = dashboard({ annotations: { list: [theirs] } });
    const added = ok(addOverlay(base, 'chaos', s, '')).dashboard;
    const removed = ok(removeOverlay(added, 'chaos'));
    expect(removed.changed).toBe(true);
    expect(removed.dashboard.annotations?.list).toEqual([theirs]);
    expect(ok(removeOverlay(removed.dashboard, 'chaos')).changed).toBe(false);
  });

  it('creates the annotation list of a dashboard that has none', () => {
    const d = ok(addOverlay(dashboard({ annotations: undefined }), 'chaos', s, '')).dashboard;
    expect(d.annotations?.list).toHaveLength(1);
  });
});

describe('ownership panel', () => {
  it('goes below the other panels with a fresh id, and is taken out again from top level or rows', () => {
    const withRow = dashboard({
      panels: [
        { id: 7, type: 'row', gridPos: { y: 0, h: 1 }, collapsed: true, panels: [{ id: 9, type: 'stat' }] },
        { id: 2, type: 'timeseries', gridPos: { x: 0, y: 1, w: 12, h: 8 } },
      ],
    });
    const added = ok(addOverlay(withRow, 'ownership', s, '')).dashboard;
    const panel = added.panels?.[2];
    expect(panel).toMatchObject({
      id: 10,
      type: 'faultline-ownership-panel',
      gridPos: { x: 0, y: 9 },
      targets: [{ queryType: 'ownership', catalog: { service: '$service' } }],
    });
    expect(inspect(added).ownership).toBe('added');
    expect(ok(addOverlay(added, 'ownership', s, '')).changed).toBe(false);
    expect(ok(removeOverlay(added, 'ownership')).dashboard.panels).toEqual(withRow.panels);
  });

  it('is refused on a dashboard whose schema keeps panels in rows', () => {
    const old = dashboard({ schemaVersion: 14, panels: undefined, rows: [{ panels: [] }] });
    expect(inspect(old).panelsBlocked).toMatch(/schema version 14/);
    expect(addOverlay(old, 'ownership', s, '')).toEqual({
      error: expect.stringMatching(/schema version 14 keeps panels in rows/),
    });
    // The annotation list has the same shape in every schema: the chaos overlay still works.
    expect(ok(addOverlay(old, 'chaos', s, '')).changed).toBe(true);
  });

  it('leaves an ownership panel made by hand alone', () => {
    const d = dashboard({
      panels: [{ id: 1, type: 'faultline-ownership-panel', title: 'Who owns $service', options: {} }],
    });
    expect(inspect(d).ownership).toEqual({ other: 'panel "Who owns $service"' });
    expect(removeOverlay(d, 'ownership')).toEqual({ dashboard: d, changed: false });
  });
});
