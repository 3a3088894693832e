import type { DataLink } from '@grafana/data';
import { prefixRoute, ROUTES } from '../../constants';

/** The service page for the flow graph's node menu, which replaces `${service}` with the node name. */
export const SERVICE_LINK_TEMPLATE = `${prefixRoute(ROUTES.Service)}/\${service}`;

/** The time range around a run; the fields come from the `runWindow` transformation. */
const RUN_WINDOW = 'from=${__data.fields.window_from}&to=${__data.fields.window_to}';

/**
 * Links a page adds to a run in an experiments table: its blast radius and the flow map at that time.
 * Grafana puts override links before the field's own, which already opens the run in its backend.
 */
export const RUN_LINKS: DataLink[] = [
  { title: 'Blast radius on the experiments page', url: `${prefixRoute(ROUTES.Experiments)}?${RUN_WINDOW}` },
  { title: 'Flow map at the time of the run', url: `${prefixRoute(ROUTES.FlowMap)}?${RUN_WINDOW}` },
  {
    title: 'Measured impact on the experiments page',
    url: `${prefixRoute(ROUTES.Experiments)}?var-run=\${__data.fields.id}&${RUN_WINDOW}`,
  },
];

/** Hides the columns of the impact table a reader needs only for its links. */
export const IMPACT_HIDDEN = ['run_id', 'catalog_namespace', 'on_call_url', 'notes'];
