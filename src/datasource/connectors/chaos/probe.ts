import { ProbeFactory } from '../probe';
import { configuredBackends } from './backends';

const HOUR = 3600_000;

/** One probe per configured chaos backend: load the last day's runs and say how many there were. */
export const chaosProbes: ProbeFactory = (settings, transport) =>
  configuredBackends(settings).map((b) => ({
    name: b.where,
    run: async () => {
      const now = Date.now();
      const { runs, warnings } = await b.load({ settings, transport, range: { from: now - 24 * HOUR, to: now }, timeoutMs: 10_000 });
      if (warnings?.length) {
        throw warnings[0];
      }
      return `${b.where} answers (${runs.length} run${runs.length === 1 ? '' : 's'} in the last 24 h)`;
    },
  }));
