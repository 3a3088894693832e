import { ChaosBackend } from '../backend';
import { CHAOS_MESH, fetchChaosMesh } from './client';
import { mapChaosMesh } from './mapper';

export const chaosMeshBackend: ChaosBackend = {
  source: 'chaosmesh',
  where: CHAOS_MESH,
  load: async (ctx) => ({ runs: mapChaosMesh(await fetchChaosMesh(ctx), ctx.settings.chaosMeshUrl) }),
};
