import { isChaosAnnotationQuery } from '../connectors/chaos/annotationQuery';
import { annotationFrame, experimentsFrame } from '../connectors/chaos/frames';
import { runsForQuery, withNotices } from '../connectors/chaos/notices';
import { tracingSource } from '../connectors/chaos/traceLink';
import { loadRunImpacts } from '../joins';
import { reachText } from '../joins/impact';
import { optional } from '../connectors/optional';
import { ChaosRun } from '../../model';
import { QueryContext } from '../connectors/context';
import { QueryHandler } from './context';

/**
 * Chaos runs of the range as a table (run, status, verdict, start, duration, targets, link), or,
 * for the annotation query, as one region per run.
 */
export const experimentsHandler: QueryHandler = async (query, ctx) => {
  const { runs, notices } = await runsForQuery(ctx, query.chaos);
  const now = Date.now();
  const tracing = tracingSource(ctx.settings);
  const frame = isChaosAnnotationQuery(query)
    ? annotationFrame(
        runs,
        ctx.range.to,
        now,
        tracing,
        query.impact?.inAnnotations ? await reaches(ctx, runs, query, notices) : undefined
      )
    : experimentsFrame(runs, ctx.range.to, now, tracing);
  return [withNotices(frame, notices)];
};

/**
 * The measured reach of the ended runs, only when the annotation asks for it: it costs a flow query
 * and a few range queries per run, and an annotation query otherwise asks the chaos backends alone.
 */
async function reaches(
  ctx: QueryContext,
  runs: ChaosRun[],
  query: Parameters<QueryHandler>[0],
  notices: Array<{ severity: 'info' | 'warning' | 'error'; text: string }>
): Promise<Map<string, string> | undefined> {
  const ended = runs.filter((r) => r.end !== undefined && r.status !== 'pending');
  if (!ctx.settings.prometheusUrl || ended.length === 0) {
    return undefined;
  }
  const result = await optional(notices, 'No measured reach', () =>
    loadRunImpacts(ctx, { impact: query.impact, flows: query.flows, runs: ended })
  );
  return result && new Map(result.impacts.map((i) => [`${i.source}:${i.runId}`, reachText(i)]));
}
