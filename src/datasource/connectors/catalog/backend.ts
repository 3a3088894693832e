import { BadResponseError, Ownership } from '../../../model';
import { Transport } from '../../http/transport';
import { CatalogSource, FaultlineOptions } from '../../types';
import { Probe } from '../probe';
import { SettingField } from '../settings';
import { CatalogLoadContext } from './context';

/**
 * One service catalog: a client plus a pure mapper behind one call, and what the rest of the data
 * source needs to know of it (its settings, its data proxy route, how the health check asks it).
 */
export interface CatalogBackend {
  source: Exclude<CatalogSource, 'none'>;
  /** As the settings page offers it, e.g. "OpsLevel". */
  name: string;
  /** Who failed, in error messages, e.g. "Backstage catalog". */
  where: string;
  /** The data proxy route (plugin.json `routes[].path`) its client calls. */
  route: string;
  settings: SettingField[];
  /** Whether entity annotations carry the ownership fields, so the annotation keys apply. */
  annotationKeys: boolean;
  load: (ctx: CatalogLoadContext) => Promise<Ownership[]>;
  probe: (settings: FaultlineOptions, transport: Transport) => Probe;
}

/** For catalogs with no cheaper question to ask than loading them (files, OpsLevel). */
export function loadProbe(backend: Pick<CatalogBackend, 'where' | 'load'>): CatalogBackend['probe'] {
  return (settings, transport) => ({
    name: backend.where,
    run: async () => {
      const n = (await backend.load({ settings, transport })).length;
      if (n === 0) {
        throw new BadResponseError('holds no components', backend.where);
      }
      return `${backend.where}: ${n} services`;
    },
  });
}
