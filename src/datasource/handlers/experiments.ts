import { isChaosAnnotationQuery } from '../connectors/chaos/annotationQuery';
import { annotationFrame, experimentsFrame } from '../connectors/chaos/frames';
import { runsForQuery, withNotices } from '../connectors/chaos/notices';
import { QueryHandler } from './context';

/**
 * Chaos runs of the range as a table (run, status, verdict, start, duration, targets, link), or,
 * for the annotation query, as one region per run.
 */
export const experimentsHandler: QueryHandler = async (query, ctx) => {
  const { runs, notices } = await runsForQuery(ctx, query.chaos);
  const now = Date.now();
  const frame = isChaosAnnotationQuery(query) ? annotationFrame(runs, ctx.range.to, now) : experimentsFrame(runs, ctx.range.to, now);
  return [withNotices(frame, notices)];
};
