import type { PanelData, PluginExtensionPanelContext, RawTimeRange, ScopedVars } from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';
import { servicesOfData, servicesOfLabelSets, servicesOfValue } from './services';

/** Explore's toolbar context (public/app/features/explore/extensions/ToolbarExtensionPoint.tsx). */
export interface ExploreContext {
  exploreId: string;
  targets: DataQuery[];
  data?: PanelData;
  timeRange: RawTimeRange;
  timeZone: string;
}

/** An alert instance's context (public/app/features/alerting/unified/components/rules/AlertInstanceExtensionPoint.tsx). */
export interface AlertInstanceContext {
  rule?: { labels?: Record<string, string> };
  instance: { labels?: Record<string, string> };
}

/** What a link needs from whichever extension point calls it: the services, and a time range when there is one. */
export interface LinkSubject {
  services: string[];
  timeRange?: RawTimeRange;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isPanelContext = (c: Record<string, unknown>): c is PluginExtensionPanelContext & Record<string, unknown> =>
  typeof c.pluginId === 'string' && isObject(c.dashboard);
const isExploreContext = (c: Record<string, unknown>): c is ExploreContext & Record<string, unknown> =>
  typeof c.exploreId === 'string';
const isAlertContext = (c: Record<string, unknown>): c is AlertInstanceContext & Record<string, unknown> =>
  isObject(c.instance);

/** `$service`, `${service}`, `${service:fmt}` or `[[service]]` in a panel's queries or title. */
const SERVICE_REF = /\$service\b|\$\{service(?::[^}]*)?\}|\[\[service\]\]/;

/**
 * The value of the `service` variable for a panel that uses it. Grafana puts only repeat values
 * in the panel context's scopedVars (PanelMenuBehavior.tsx createExtensionContext), so a
 * dashboard-level variable is read through the template service, as the panel's queries are.
 */
function servicesOfVariable(ctx: PluginExtensionPanelContext): string[] {
  const scoped: ScopedVars | undefined = ctx.scopedVars;
  if (scoped?.service) {
    return servicesOfValue(scoped.service.value);
  }
  if (!SERVICE_REF.test(`${ctx.title} ${JSON.stringify(ctx.targets ?? [])}`)) {
    return [];
  }
  const literal = '${service:json}';
  const replaced = getTemplateSrv().replace(literal, scoped);
  if (replaced === literal) {
    return [];
  }
  try {
    return servicesOfValue(JSON.parse(replaced));
  } catch {
    return servicesOfValue(replaced);
  }
}

/** The services and time range of an extension point's context; no services for a context we do not know. */
export function subjectOf(context: unknown, labels: string[]): LinkSubject {
  if (!isObject(context)) {
    return { services: [] };
  }
  if (isPanelContext(context)) {
    const fromData = servicesOfData(context.data, labels);
    return { services: fromData.length > 0 ? fromData : servicesOfVariable(context), timeRange: context.timeRange };
  }
  if (isExploreContext(context)) {
    return { services: servicesOfData(context.data, labels), timeRange: context.timeRange };
  }
  if (isAlertContext(context)) {
    return { services: servicesOfLabelSets([context.instance.labels, context.rule?.labels], labels).slice(0, 1) };
  }
  return { services: [] };
}
