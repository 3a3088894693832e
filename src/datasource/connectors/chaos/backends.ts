import { ChaosRun, ChaosSource } from '../../../model/chaos';
import { FaultlineOptions } from '../../types';
import { ChaosBackend } from './backend';
import { chaosMeshBackend } from './chaosmesh';
import { gremlinBackend } from './gremlin';
import { journalsBackend } from './journals';
import { litmusBackend } from './litmus';

/**
 * Every chaos backend, by source. The settings page, the source filter, the notices and the health
 * check are built from this table: a backend is its folder plus one line here.
 */
export const CHAOS_BACKENDS: Record<ChaosSource, ChaosBackend> = {
  chaosmesh: chaosMeshBackend,
  litmus: litmusBackend,
  gremlin: gremlinBackend,
  chaostoolkit: journalsBackend,
};

/** The chaos backends whose settings are filled in; several may be configured on one data source. */
export function configuredBackends(s: FaultlineOptions, backends: Record<string, ChaosBackend> = CHAOS_BACKENDS): ChaosBackend[] {
  return Object.values(backends).filter((b) => b.isConfigured(s));
}

/** The backend's name for a run, e.g. "Chaos Mesh". */
export const sourceName = (run: ChaosRun) => CHAOS_BACKENDS[run.source]?.name ?? run.source;
