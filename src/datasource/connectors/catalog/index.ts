import { InputError, Ownership } from '../../../model';
import { HandlerContext } from '../../handlers/context';

/**
 * Every service of the configured catalog, normalized and cached for the configured TTL.
 * Used by the catalog queries and by every join (flow owners, scorecards, app pages).
 */
export async function loadServices(ctx: HandlerContext): Promise<Ownership[]> {
  if (!ctx.settings.catalogSource || ctx.settings.catalogSource === 'none') {
    return [];
  }
  throw new InputError(`the ${ctx.settings.catalogSource} catalog is not available in this build`, 'Service catalog');
}
