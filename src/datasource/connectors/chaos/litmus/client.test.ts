import { BackendError, BadResponseError } from '../../../../model/errors';
import { LoadContext } from '../backend';
import { fetchLitmusRuns } from './client';

const load = (body: unknown, status = 200) => {
  const ctx: LoadContext = {
    settings: { litmusUrl: 'http://litmus.example', litmusProjectId: 'p1' },
    transport: async () => ({ status, text: JSON.stringify(body), headers: {} }),
    range: { from: 0, to: 1 },
  };
  return fetchLitmusRuns(ctx);
};

describe('fetchLitmusRuns on answers that are not a listExperimentRun page', () => {
  it('refuses a body without experimentRuns with a BadResponseError naming LitmusChaos', async () => {
    for (const body of [{ data: null }, { data: 'x' }, { data: { listExperimentRun: { experimentRuns: 5 } } }]) {
      const e = await load(body).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BadResponseError);
      expect((e as Error).message).toMatch(/LitmusChaos.*no experimentRuns/);
    }
  });

  it('reads GraphQL errors whatever their shape, skipping entries without a message', async () => {
    await expect(load({ errors: [{ message: 'permission denied' }, null, { message: 3 }, 'x'], data: null })).rejects.toThrow(BackendError);
    await expect(load({ errors: [{ message: 'permission denied' }], data: null })).rejects.toThrow(/permission denied/);
    await expect(load({ errors: 'not a list', data: null })).rejects.toThrow(BadResponseError);
  });

  it('keeps the runs that are objects and drops removed ones', async () => {
    const runs = [{ experimentRunID: 'r1' }, null, 7, { experimentRunID: 'r2', isRemoved: true }, { experimentRunID: 'r3', isRemoved: 'yes' }];
    const got = await load({ data: { listExperimentRun: { totalNoOfExperimentRuns: '3', experimentRuns: runs } } });
    expect(got.map((r) => r.experimentRunID)).toEqual(['r1', 'r3']);
  });
});
