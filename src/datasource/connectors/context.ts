import { ScopedVars } from '@grafana/data';
import { Transport } from '../http/transport';
import { FaultlineOptions } from '../types';

/** What every query and connector gets: settings, a way to reach the backends, the range and variables. */
export interface QueryContext {
  settings: FaultlineOptions;
  transport: Transport;
  /** Epoch milliseconds. */
  range: { from: number; to: number };
  /** Interpolates template variables; multi-value variables become comma-separated lists. */
  interpolate: (value: string | undefined, scopedVars?: ScopedVars) => string;
  scopedVars: ScopedVars;
  /** Stable per data source instance: connectors keep caches here between queries. */
  cache: Map<string, unknown>;
  signal?: AbortSignal;
  /** Grafana's refId of the query, for frame naming. */
  refId: string;
}
