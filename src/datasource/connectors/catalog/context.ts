import { Transport } from '../../http/transport';
import { FaultlineOptions } from '../../types';

/** What a catalog connector needs: a subset of the handler context, so tests and the bench can build one. */
export interface CatalogLoadContext {
  settings: FaultlineOptions;
  transport: Transport;
  signal?: AbortSignal;
  cache?: Map<string, unknown>;
}

export function clientOptionsFor(ctx: CatalogLoadContext, where: string) {
  const timeoutMs = ctx.settings.timeoutSeconds ? ctx.settings.timeoutSeconds * 1000 : undefined;
  return timeoutMs ? { where, transport: ctx.transport, timeoutMs } : { where, transport: ctx.transport };
}
