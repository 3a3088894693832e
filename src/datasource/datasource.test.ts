import { DataQueryRequest, DataSourceInstanceSettings, dateTime, toDataFrame } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { BackendError } from '../model';
import { FaultlineDataSource } from './datasource';
import { QueryContext } from './connectors/context';
import { FaultlineOptions, FaultlineQuery } from './types';

// The dispatcher is under test here, not the handlers: they are replaced by ones that record what they get.
const seen: QueryContext[] = [];
jest.mock('./handlers', () => ({
  HANDLERS: {
    services: async (_q: unknown, ctx: QueryContext) => {
      seen.push(ctx);
      return [toDataFrame({ name: 'services', fields: [{ name: 'service', values: ['payments'] }] })];
    },
    ownership: async () => {
      throw new BackendError('HTTP 503', 'Backstage catalog', 503);
    },
    experiments: (_q: unknown, ctx: QueryContext) =>
      new Promise((_resolve, reject) => ctx.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    flows: async () => {
      throw new TypeError('a bug');
    },
  },
}));

const settings = { id: 1, uid: 'ds', type: 'faultline-datasource', name: 'F', jsonData: {}, url: '/api/datasources/proxy/uid/ds' } as unknown as DataSourceInstanceSettings<FaultlineOptions>;
const request = (targets: FaultlineQuery[]) =>
  ({ targets, range: { from: dateTime(1000), to: dateTime(2000), raw: { from: '', to: '' } }, scopedVars: {} }) as unknown as DataQueryRequest<FaultlineQuery>;

describe('FaultlineDataSource.query', () => {
  beforeEach(() => (seen.length = 0));

  it('returns the frames of healthy queries and the error of the failing one', async () => {
    const ds = new FaultlineDataSource(settings);
    const res = await lastValueFrom(ds.query(request([{ refId: 'A', queryType: 'services' }, { refId: 'B', queryType: 'ownership' }])));
    expect(res.data).toHaveLength(1);
    expect(res.data[0].refId).toBe('A');
    expect(res.errors).toEqual([{ refId: 'B', message: 'Backstage catalog: HTTP 503', status: 503 }]);
    expect(seen[0].range).toEqual({ from: 1000, to: 2000 });
  });

  it('skips hidden queries', async () => {
    const ds = new FaultlineDataSource(settings);
    const res = await lastValueFrom(ds.query(request([{ refId: 'A', queryType: 'services', hide: true }])));
    expect(res.data).toEqual([]);
    expect(seen).toHaveLength(0);
  });

  it('aborts backend requests when Grafana unsubscribes (time range changed)', async () => {
    const ds = new FaultlineDataSource(settings);
    const sub = ds.query(request([{ refId: 'A', queryType: 'experiments' }, { refId: 'B', queryType: 'services' }])).subscribe();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen[0].signal?.aborted).toBe(false);
    sub.unsubscribe();
    expect(seen[0].signal?.aborted).toBe(true);
  });

  it('lets a programming error surface instead of hiding it as a backend error', async () => {
    const ds = new FaultlineDataSource(settings);
    await expect(lastValueFrom(ds.query(request([{ refId: 'A', queryType: 'flows' }])))).rejects.toThrow('a bug');
  });
});
