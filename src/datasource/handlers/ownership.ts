import { FRAME_NAMES } from '../../model';
import { loadServices, requireCatalog } from '../connectors/catalog';
import { filterServices, filterValues, serviceNames } from '../connectors/catalog/filter';
import { ownershipFrame } from '../connectors/catalog/frames';
import { QueryHandler } from './context';

/**
 * One row per service of `$service` (or the services the query names), multi-value aware. Names
 * the catalog does not know become a notice: the panel then says the catalog lacks the service.
 */
export const ownershipHandler: QueryHandler = async (query, ctx) => {
  requireCatalog(ctx.settings, 'Service catalog');
  const interpolate = (v: string | undefined) => ctx.interpolate(v, ctx.scopedVars);
  const rawService = query.catalog?.service || '$service';
  // An unresolved `$service` (no such variable on the dashboard) means every service.
  const service = interpolate(rawService).startsWith('$') ? '' : rawService;
  const services = filterServices(await loadServices(ctx), { ...query.catalog, service }, interpolate);
  const frame = ownershipFrame(services, FRAME_NAMES.ownership, ctx.refId);
  const wanted = filterValues(service, interpolate);
  const unknown = wanted
    ? [...wanted].filter((w) => !services.some((s) => serviceNames(s).some((v) => v.toLowerCase() === w)))
    : [];
  if (unknown.length > 0) {
    frame.meta = {
      ...frame.meta,
      notices: [
        {
          severity: 'warning',
          text: `Not in the catalog: ${unknown.join(', ')}. Register a catalog-info.yaml for ${unknown.length > 1 ? 'them' : 'it'}.`,
        },
      ],
    };
  }
  return [frame];
};
