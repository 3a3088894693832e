import { ChaosRun } from '../../../../model/chaos';
import { ChaosBackend } from '../backend';
import { fetchLitmusRuns, LITMUS, ROUTE } from './client';
import { READ_ONLY_TOKEN } from '../../settings';
import { mapLitmusRun } from './mapper';

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
  load: async (ctx) => ({
    runs: (await fetchLitmusRuns(ctx)).map((r) => mapLitmusRun(r, ctx.settings.litmusUrl)).filter((r): r is ChaosRun => r !== undefined),
  }),
};
