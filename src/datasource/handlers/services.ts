import { FRAME_NAMES } from '../../model';
import { loadServices, requireCatalog } from '../connectors/catalog';
import { filterServices } from '../connectors/catalog/filter';
import { ownershipFrame } from '../connectors/catalog/frames';
import { QueryHandler } from './context';

/** Catalog services as a table, filtered by owner/team, system, tier, lifecycle, name and namespace. */
export const servicesHandler: QueryHandler = async (query, ctx) => {
  requireCatalog(ctx.settings, 'Service catalog');
  const services = filterServices(await loadServices(ctx), query.catalog, (v) => ctx.interpolate(v, ctx.scopedVars));
  const frame = ownershipFrame(services, FRAME_NAMES.services, ctx.refId);
  if (services.length === 0) {
    frame.meta = { ...frame.meta, notices: [{ severity: 'info', text: 'No catalog services match these filters.' }] };
  }
  return [frame];
};
