import { ChaosRun } from '../../../../model/chaos';
import { ChaosBackend } from '../backend';
import { fetchGremlinAttacks, GREMLIN } from './client';
import { mapGremlinTask } from './mapper';

export const gremlinBackend: ChaosBackend = {
  source: 'gremlin',
  where: GREMLIN,
  load: async (ctx) => ({ runs: (await fetchGremlinAttacks(ctx)).map(mapGremlinTask).filter((r): r is ChaosRun => r !== undefined) }),
};
