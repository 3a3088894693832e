import { MAX_TIMELINE_ROWS, timelineFrame } from '../connectors/chaos/timeline';
import { runsForQuery, withNotices } from '../connectors/chaos/notices';
import { QueryHandler } from './context';

/** Chaos runs as a wide frame for the state-timeline panel: one row per experiment. */
export const timelineHandler: QueryHandler = async (query, ctx) => {
  const { runs, notices } = await runsForQuery(ctx, query.chaos);
  const { frame, droppedRows } = timelineFrame(runs, ctx.range, Date.now());
  if (droppedRows > 0) {
    notices.push({
      severity: 'info',
      text: `Showing the ${MAX_TIMELINE_ROWS} most recent experiments; ${droppedRows} more are hidden: narrow the filter.`,
    });
  }
  return [withNotices(frame, notices)];
};
