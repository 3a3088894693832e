import { loadRunImpacts } from '../joins';
import { impactFrame } from '../joins/impactFrame';
import { QueryHandler } from './context';

/** The measured blast radius of the runs in the range (or of one run) as a table. */
export const impactHandler: QueryHandler = async (query, ctx) => {
  const result = await loadRunImpacts(ctx, { impact: query.impact, flows: query.flows, chaos: query.chaos });
  const frame = impactFrame(result.impacts, ctx.refId);
  frame.meta = {
    notices: result.notices,
    custom: { storeQueries: result.storeQueries },
  };
  return [frame];
};
