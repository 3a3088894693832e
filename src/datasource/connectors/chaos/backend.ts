import { ChaosRun, ChaosSource } from '../../../model/chaos';
import { FaultlineError } from '../../../model/errors';
import { Transport } from '../../http/transport';
import { FaultlineOptions } from '../../types';
import { SettingField } from '../settings';

/** What a chaos backend needs to load the runs of a time range. */
export interface LoadContext {
  settings: FaultlineOptions;
  transport: Transport;
  /** Epoch milliseconds. */
  range: { from: number; to: number };
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Per data source instance; connectors keep what never changes (finished journals) here. */
  cache?: Map<string, unknown>;
}

export interface BackendResult {
  runs: ChaosRun[];
  /** Parts that failed while the rest loaded (one unreadable journal of forty). */
  warnings?: FaultlineError[];
}

/**
 * One chaos backend: a client plus a pure mapper behind one call, and what the rest of the data
 * source needs to know of it (its settings, its data proxy route, when it counts as configured).
 */
export interface ChaosBackend {
  source: ChaosSource;
  /** The product's name, as tables, links and the source filter show it, e.g. "Chaos Toolkit". */
  name: string;
  /** Who failed, in error messages, e.g. "Chaos Toolkit journals". */
  where: string;
  /** The data proxy route (plugin.json `routes[].path`) its client calls. */
  route: string;
  isConfigured: (s: FaultlineOptions) => boolean;
  settings: SettingField[];
  load: (ctx: LoadContext) => Promise<BackendResult>;
}

/** Largest number of items read from one backend for one range, so a runaway history cannot freeze a panel. */
export const MAX_ITEMS = 50_000;

/** Client options from the load context; an unset timeout keeps the client's default. */
export function clientOptions(ctx: LoadContext, where: string): { where: string; transport: Transport; timeoutMs?: number } {
  return ctx.timeoutMs ? { where, transport: ctx.transport, timeoutMs: ctx.timeoutMs } : { where, transport: ctx.transport };
}
