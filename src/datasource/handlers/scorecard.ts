import { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { FlowGraph, Ownership } from '../../model';
import { PLUGIN_BASE_URL } from '../../constants';
import { catalogOrder, matchesSearch, resolveSettings, scoreServices, scoreTeams } from '../../scorecard';
import { ruleFrame, scorecardFrame, teamScoreFrame } from '../../scorecard/frames';
import { loadServices, requireCatalog } from '../connectors/catalog';
import { filterServices } from '../connectors/catalog/filter';
import { loadRuns } from '../connectors/chaos';
import { configuredBackends } from '../connectors/chaos/backends';
import { loadFlowGraph } from '../connectors/flow';
import { optional } from '../connectors/optional';
import { FaultlineQuery, FLOW_PRESETS } from '../types';
import { QueryContext } from '../connectors/context';
import { QueryHandler } from './context';

const DAY_MS = 86_400_000;

/** A variable reference left as is: the dashboard has no such variable, so it filters nothing. */
const UNRESOLVED = /^\s*(\$\w+|\$\{[^}]+\}|\[\[[^\]]+\]\])\s*$/;

/** The app's service page; Grafana fills in (and URI-encodes) the row's namespace and service name. */
export const SERVICE_PAGE_LINK = `${PLUGIN_BASE_URL}/service/\${__data.fields.namespace}/\${__value.raw}`;

/**
 * Readiness per service (or team): the whole catalog is judged, so callers are known or unknown
 * against every service, then the rows are filtered. Chaos and flows are optional: their failures
 * become notices and the rules they feed are failed or left unjudged, never the whole query.
 */
export const scorecardHandler: QueryHandler = async (query, ctx) => {
  const q = query;
  requireCatalog(ctx.settings, 'Scorecard');
  const settings = resolveSettings(q.scorecard?.config);
  const now = Date.now();
  const notices: QueryResultMetaNotice[] = [];
  const [services, runs, flows] = await Promise.all([
    loadServices(ctx),
    chaosRuns(ctx, now - settings.chaosWindowDays * DAY_MS, now, notices),
    flowGraph(ctx, q, notices),
  ]);
  const reports = scoreServices({ services, runs, flows, settings, now });
  const wanted = new Set(
    filterServices(services, q.catalog, (v) => ctx.interpolate(v, ctx.scopedVars)).map((s: Ownership) => s.ref)
  );
  const search = ctx.interpolate(q.scorecard?.search, ctx.scopedVars).replace(UNRESOLVED, '');
  const shown = catalogOrder(reports.filter((r) => wanted.has(r.ownership.ref) && matchesSearch(r.ownership, search)));
  if (shown.length === 0) {
    notices.push({
      severity: 'info',
      text: services.length ? 'No catalog services match these filters.' : 'The catalog has no services.',
    });
  }
  const by = q.scorecard?.by ?? 'service';
  const frame: DataFrame =
    by === 'team'
      ? teamScoreFrame(scoreTeams(shown), settings)
      : by === 'rule'
        ? ruleFrame(shown, settings)
        : scorecardFrame(shown, settings, SERVICE_PAGE_LINK);
  return [notices.length ? { ...frame, meta: { ...frame.meta, notices } } : frame];
};

/** Runs of the rule window (ending now, whatever the dashboard shows): readiness is about today. */
async function chaosRuns(ctx: QueryContext, from: number, to: number, notices: QueryResultMetaNotice[]) {
  if (configuredBackends(ctx.settings).length === 0) {
    notices.push({ severity: 'info', text: 'No chaos backend is configured: the chaos rules fail for every service.' });
    return [];
  }
  const result = await optional(notices, 'Chaos runs left out', () => loadRuns({ ...ctx, range: { from, to } }, {}));
  result?.errors.forEach((e) => notices.push({ severity: 'warning', text: `Chaos runs: ${e.message}` }));
  return result?.runs ?? [];
}

async function flowGraph(
  ctx: QueryContext,
  q: FaultlineQuery,
  notices: QueryResultMetaNotice[]
): Promise<FlowGraph | undefined> {
  if (!ctx.settings.prometheusUrl) {
    notices.push({ severity: 'info', text: 'No Prometheus URL is configured: the flow rules are not judged.' });
    return undefined;
  }
  const preset = (ctx.interpolate(q.flows?.preset) || FLOW_PRESETS[0]) as (typeof FLOW_PRESETS)[number];
  const result = await optional(notices, 'Flows left out', () =>
    loadFlowGraph(ctx, { ...q.flows, preset, grouping: 'workload', compareWith: undefined })
  );
  return result?.graph;
}
