import { BadResponseError } from '../../../../model/errors';
import { ChaosBackend } from '../backend';
import { fetchLitmusRuns, LITMUS, ROUTE } from './client';
import { READ_ONLY_TOKEN } from '../../settings';
import { mapLitmusRuns } from './mapper';

/** How many unreadable runs a warning names; the count says how many there are. */
const NAMED = 5;

export const litmusBackend: ChaosBackend = {
  source: 'litmus',
  name: 'LitmusChaos',
  where: LITMUS,
  route: ROUTE,
  isConfigured: (s) => Boolean(s.litmusUrl),
  settings: [
    { kind: 'text', key: 'litmusUrl', label: 'Litmus ChaosCenter GraphQL URL', placeholder: 'http://litmus-server:9002' },
    { kind: 'text', key: 'litmusProjectId', label: 'Litmus project ID' },
    { kind: 'secret', key: 'litmusToken', label: 'Litmus token', description: READ_ONLY_TOKEN },
  ],
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
