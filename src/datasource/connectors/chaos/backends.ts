import { FaultlineOptions } from '../../types';
import { ChaosBackend } from './backend';
import { chaosMeshBackend } from './chaosmesh';
import { gremlinBackend } from './gremlin';
import { journalsBackend } from './journals';
import { litmusBackend } from './litmus';

/** The chaos backends whose URL is set; several may be configured on one data source. */
export function configuredBackends(s: FaultlineOptions): ChaosBackend[] {
  return [
    s.chaosMeshUrl ? chaosMeshBackend : undefined,
    s.litmusUrl ? litmusBackend : undefined,
    s.gremlinUrl ? gremlinBackend : undefined,
    s.journalsUrl && (s.journalIndex || s.journals?.length) ? journalsBackend : undefined,
  ].filter((b): b is ChaosBackend => b !== undefined);
}
