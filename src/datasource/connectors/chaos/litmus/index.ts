import { BadResponseError } from '../../../../model/errors';
import { ChaosBackend } from '../backend';
import { fetchLitmusRuns, LITMUS } from './client';
import { mapLitmusRuns } from './mapper';

/** How many unreadable runs a warning names; the count says how many there are. */
const NAMED = 5;

export const litmusBackend: ChaosBackend = {
  source: 'litmus',
  where: LITMUS,
  load: async (ctx) => {
    const { runs, unreadable } = mapLitmusRuns(await fetchLitmusRuns(ctx), ctx.settings.litmusUrl);
    const names = unreadable.slice(0, NAMED).join(', ') + (unreadable.length > NAMED ? ', …' : '');
    const warnings = unreadable.length
      ? [
          new BadResponseError(
            `the executionData of ${unreadable.length} run(s) is not valid JSON, so they show without their fault nodes: ${names}`,
            LITMUS
          ),
        ]
      : [];
    return { runs, warnings };
  },
};
