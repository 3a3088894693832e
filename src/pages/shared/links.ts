import { prefixRoute, ROUTES } from '../../constants';

/** The service page for the flow graph's node menu, which replaces `${service}` with the node name. */
export const SERVICE_LINK_TEMPLATE = `${prefixRoute(ROUTES.Service)}/\${service}`;
