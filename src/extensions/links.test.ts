import {
  dateTime,
  FieldType,
  getDefaultTimeRange,
  LoadingState,
  toDataFrame,
  type PanelData,
  type PluginExtensionPanelContext,
} from '@grafana/data';
import { setBackendSrv, setTemplateSrv, type BackendSrv, type TemplateSrv } from '@grafana/runtime';
import pluginJson from '../plugin.json';
import { addedLinks } from './links';

function series(...labelSets: Array<Record<string, string>>): PanelData {
  return {
    state: LoadingState.Done,
    timeRange: getDefaultTimeRange(),
    series: labelSets.map((labels) =>
      toDataFrame({ fields: [{ name: 'v', type: FieldType.number, values: [1], labels }] })
    ),
  };
}

function panel(over: Partial<PluginExtensionPanelContext> = {}): PluginExtensionPanelContext {
  return {
    pluginId: 'timeseries',
    id: 1,
    title: 'Requests',
    timeRange: { from: 'now-6h', to: 'now' },
    timeZone: 'utc',
    dashboard: { uid: 'd', title: 'D', tags: [] },
    targets: [{ refId: 'A' }],
    scopedVars: {},
    ...over,
  };
}

const [owner, others, chaos] = addedLinks;
const configure = (link: (typeof addedLinks)[number], ctx: object) => link.configure?.(ctx);

function variables(values: Record<string, string | string[]>) {
  setTemplateSrv({
    replace: (target?: string) => {
      const m = target?.match(/^\$\{(\w+):json\}$/);
      return m && m[1] in values ? JSON.stringify(values[m[1]]) : (target ?? '');
    },
  } as unknown as TemplateSrv);
}

// App settings without a label list: the default labels.
setBackendSrv({ get: () => Promise.resolve({ jsonData: {} }) } as unknown as BackendSrv);
beforeEach(() => variables({}));

describe('panel menu links', () => {
  it('are the ones plugin.json declares, with the same titles, descriptions and targets', () => {
    expect(addedLinks.map(({ title, description, targets }) => ({ title, description, targets }))).toEqual(
      pluginJson.extensions.addedLinks
    );
  });

  it('offer "Who owns <service>?" for the service the series are labelled with', () => {
    expect(configure(owner, panel({ data: series({ service: 'checkout', code: '200' }) }))).toMatchObject({
      title: 'Who owns checkout?',
      path: '/a/faultline-app/service/checkout',
    });
  });

  it("take the panel's $service variable when the series carry no service label", () => {
    variables({ service: 'checkout' });
    const ctx = panel({
      targets: [{ refId: 'A', expr: 'sum by (code) (rate(x{service="$service"}[5m]))' } as never],
      data: series({ code: '200' }),
    });
    expect(configure(owner, ctx)).toMatchObject({ title: 'Who owns checkout?' });
  });

  it('ignore a dashboard variable the panel does not use', () => {
    variables({ service: 'checkout' });
    expect(configure(owner, panel({ data: series({ code: '200' }) }))).toBeUndefined();
  });

  it("prefer a repeated panel's own value (scopedVars) to the dashboard's", () => {
    variables({ service: 'checkout' });
    const ctx = panel({
      title: 'Requests of $service',
      scopedVars: { service: { text: 'payments', value: 'payments' } },
    });
    expect(configure(owner, ctx)).toMatchObject({ title: 'Who owns payments?' });
  });

  it('show nothing on a panel that names no service', () => {
    addedLinks.forEach((l) => expect(configure(l, panel({ data: series({ code: '200' }) }))).toBeUndefined());
  });

  it('offer each of two services, and a list of all when there are more', () => {
    const two = panel({ data: series({ service: 'checkout' }, { service: 'payments' }) });
    expect(configure(others, two)).toMatchObject({
      title: 'Who owns payments?',
      path: '/a/faultline-app/service/payments',
    });
    const four = panel({ data: series({ service: 'a' }, { service: 'b' }, { job: 'c' }, { app: 'd' }) });
    expect(configure(owner, four)).toMatchObject({ title: 'Who owns a?' });
    expect(configure(others, four)).toEqual({ title: 'Who owns the other 3?' });
    const openModal = jest.fn();
    const helpers = (context: object) => ({
      context,
      openModal,
      extensionPointId: 'grafana/dashboard/panel/menu',
      openSidebar: jest.fn(),
      closeSidebar: jest.fn(),
      toggleSidebar: jest.fn(),
    });
    others.onClick?.(undefined, helpers(four));
    expect(openModal).toHaveBeenCalledWith(expect.objectContaining({ title: 'Who owns the services of this panel?' }));
    openModal.mockClear();
    others.onClick?.(undefined, helpers(two));
    expect(openModal).not.toHaveBeenCalled();
  });

  it('keep a service name with markup or "/" inside one encoded path segment', () => {
    const link = configure(owner, panel({ data: series({ service: '<b>shop</b>/checkout' }) }));
    expect(link?.path).toBe('/a/faultline-app/service/%3Cb%3Eshop%3C%2Fb%3E%2Fcheckout');
    expect(link?.title).toBe('Who owns <b>shop</b>/checkout?');
  });

  it("open the experiments page narrowed to the services and the panel's time range", () => {
    const from = dateTime(Date.UTC(2026, 0, 1));
    const to = dateTime(Date.UTC(2026, 0, 2));
    const link = configure(
      chaos,
      panel({ timeRange: { from, to }, data: series({ service: 'checkout' }, { service: 'payments' }) })
    );
    expect(link?.title).toBe('Chaos runs in this range');
    const url = new URL(link!.path!, 'http://grafana');
    expect(url.pathname).toBe('/a/faultline-app/experiments');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: String(from.valueOf()),
      to: String(to.valueOf()),
      'var-service': 'checkout,payments',
    });
    expect(configure(chaos, panel({ data: series({ service: 'checkout' }) }))?.path).toBe(
      '/a/faultline-app/experiments?from=now-6h&to=now&var-service=checkout'
    );
  });

  it('give every path under /a/<plugin id>/, as Grafana requires', () => {
    const ctx = panel({ data: series({ service: 'x' }, { service: 'y' }) });
    addedLinks.forEach((l) => {
      const path = configure(l, ctx)?.path ?? l.path;
      expect(path).toMatch(/^\/a\/faultline-app\//);
    });
  });
});

describe('Explore and alert instance links', () => {
  it("read the service from the Explore query's data", () => {
    const ctx = {
      exploreId: 'left',
      targets: [],
      timeRange: { from: 'now-1h', to: 'now' },
      timeZone: 'utc',
      data: series({ service_name: 'checkout' }),
    };
    expect(configure(owner, ctx)).toMatchObject({ title: 'Who owns checkout?' });
    expect(configure(chaos, ctx)?.path).toBe('/a/faultline-app/experiments?from=now-1h&to=now&var-service=checkout');
  });

  it("read the service from the alert instance's labels, then its rule's", () => {
    expect(configure(owner, { instance: { labels: { alertname: 'HighLatency', job: 'payments' } } })).toMatchObject({
      title: 'Who owns payments?',
    });
    expect(
      configure(owner, { rule: { labels: { service: 'checkout' } }, instance: { labels: { alertname: 'x' } } })
    ).toMatchObject({ title: 'Who owns checkout?' });
    expect(configure(owner, { instance: { labels: { alertname: 'x' } } })).toBeUndefined();
  });
});
