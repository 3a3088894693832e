import { InputError } from '../../../../model/errors';
import { ChaosBackend, MAX_ITEMS } from '../backend';
import { CHAOS_MESH, fetchChaosMesh } from './client';
import { mapChaosMesh } from './mapper';

export const chaosMeshBackend: ChaosBackend = {
  source: 'chaosmesh',
  where: CHAOS_MESH,
  load: async (ctx) => {
    const { truncated, ...payload } = await fetchChaosMesh(ctx);
    const runs = mapChaosMesh(payload, ctx.settings.chaosMeshUrl);
    // Pages walk back from the range end, so what is missing is the oldest part of the range.
    const warnings = truncated ? [new InputError(`only the newest ${MAX_ITEMS.toLocaleString('en')} events of the range were read; runs that began earlier may be cut: narrow the time range`, CHAOS_MESH)] : undefined;
    return { runs, warnings };
  },
};
