import { FaultlineError } from '../model';
import { ProbeFactory } from './connectors/probe';
import { Transport } from './http/transport';
import { FaultlineOptions } from './types';

export interface HealthResult {
  ok: boolean;
  message: string;
  details: Array<{ name: string; ok: boolean; message: string }>;
}

/** Runs every configured backend's probe; the data source is healthy only if all of them pass. */
export async function checkHealth(
  settings: FaultlineOptions,
  transport: Transport,
  factories: ProbeFactory[]
): Promise<HealthResult> {
  const probes = factories.flatMap((f) => f(settings, transport));
  if (probes.length === 0) {
    return { ok: false, message: 'No backend is configured: set a catalog, a chaos backend or a Prometheus URL.', details: [] };
  }
  const details = await Promise.all(
    probes.map(async (p) => {
      try {
        return { name: p.name, ok: true, message: await p.run() };
      } catch (e) {
        const message = e instanceof FaultlineError ? e.message : `${p.name}: ${String(e)}`;
        return { name: p.name, ok: false, message };
      }
    })
  );
  const failed = details.filter((d) => !d.ok);
  return {
    ok: failed.length === 0,
    message: failed.length === 0 ? details.map((d) => d.message).join(' · ') : failed.map((d) => d.message).join(' · '),
    details,
  };
}
