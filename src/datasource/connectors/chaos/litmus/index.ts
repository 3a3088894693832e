import { ChaosRun } from '../../../../model/chaos';
import { ChaosBackend } from '../backend';
import { fetchLitmusRuns, LITMUS } from './client';
import { mapLitmusRun } from './mapper';

export const litmusBackend: ChaosBackend = {
  source: 'litmus',
  where: LITMUS,
  load: async (ctx) => ({
    runs: (await fetchLitmusRuns(ctx)).map((r) => mapLitmusRun(r, ctx.settings.litmusUrl)).filter((r): r is ChaosRun => r !== undefined),
  }),
};
