import { ChaosRun } from '../../../../model/chaos';
import { ChaosBackend } from '../backend';
import { fetchGremlinAttacks, GREMLIN, ROUTE } from './client';
import { mapGremlinTask } from './mapper';

export const gremlinBackend: ChaosBackend = {
  source: 'gremlin',
  name: 'Gremlin',
  where: GREMLIN,
  route: ROUTE,
  isConfigured: (s) => Boolean(s.gremlinUrl),
  settings: [
    { kind: 'text', key: 'gremlinUrl', label: 'Gremlin API URL', placeholder: 'https://api.gremlin.com/v1' },
    { kind: 'text', key: 'gremlinTeamId', label: 'Gremlin team ID' },
    { kind: 'choice', key: 'gremlinAuthScheme', label: 'Gremlin auth scheme', choices: ['Key', 'Bearer'], saved: 'Key' },
    { kind: 'secret', key: 'gremlinToken', label: 'Gremlin API key or token' },
  ],
  load: async (ctx) => ({ runs: (await fetchGremlinAttacks(ctx)).map(mapGremlinTask).filter((r): r is ChaosRun => r !== undefined) }),
};
