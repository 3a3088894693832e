import pluginJson from './plugin.json';
import { encodeSegment } from './model/safeUrl';
export { DEFAULT_NAMESPACE } from './model/service';

export const PLUGIN_ID = pluginJson.id;
export const PLUGIN_BASE_URL = `/a/${pluginJson.id}`;
export const DATASOURCE_TYPE = 'faultline-datasource';
export const FLOWGRAPH_PANEL = 'faultline-flowgraph-panel';
export const OWNERSHIP_PANEL = 'faultline-ownership-panel';

export enum ROUTES {
  Catalog = 'catalog',
  Service = 'service',
  Experiments = 'experiments',
  FlowMap = 'flow-map',
  Overlays = 'overlays',
}

export function prefixRoute(route: string): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/**
 * The service page (a drilldown of the catalog, not in the navigation): `service/<namespace>/<name>`,
 * so two services of one name in different namespaces have two pages. Without a namespace the
 * link is `service/<name>`, read as the default namespace (or the only service of that name).
 */
export function serviceRoute(service: string, namespace?: string): string {
  return prefixRoute(`${ROUTES.Service}/${namespace ? `${encodeSegment(namespace)}/` : ''}${encodeSegment(service)}`);
}
