/**
 * Shapes of the Prometheus HTTP API (prometheus/docs/querying/api.md), served alike by Thanos,
 * Cortex/Mimir, M3 and VictoriaMetrics. Sample values are strings: "NaN", "+Inf" and "-Inf" included.
 */
export type PromSampleValue = [number, string];

export interface PromVectorSample {
  metric: Record<string, string>;
  value: PromSampleValue;
}

export interface PromMatrixSeries {
  metric: Record<string, string>;
  values: PromSampleValue[];
}

export type PromQueryData =
  | { resultType: 'vector'; result: PromVectorSample[] }
  | { resultType: 'matrix'; result: PromMatrixSeries[] }
  | { resultType: 'scalar' | 'string'; result: PromSampleValue };

/** Every response: `data` on success, `errorType`/`error` on failure, `warnings`/`infos` either way. */
export interface PromEnvelope<T> {
  status: 'success' | 'error';
  data?: T;
  errorType?: string;
  error?: string;
  warnings?: string[];
  infos?: string[];
}

/** A successful answer with what the store said beside it. */
export interface PromAnswer<T> {
  data: T;
  warnings: string[];
  infos: string[];
}
