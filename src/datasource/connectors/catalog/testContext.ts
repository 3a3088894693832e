import { ScopedVars } from '@grafana/data';
import { QueryContext } from '../context';
import { Transport } from '../../http/transport';
import { FaultlineOptions } from '../../types';

/**
 * A handler context outside Grafana, for tests and the benchmark. Variables are replaced the way
 * Grafana's template service does with the `csv` format: multi-value variables become `a,b`.
 */
export function catalogTestContext(
  settings: FaultlineOptions,
  transport: Transport,
  variables: Record<string, string | string[]> = {}
): QueryContext {
  const interpolate = (value: string | undefined, scoped?: ScopedVars) => {
    const vars: Record<string, string | string[]> = { ...variables };
    for (const [k, v] of Object.entries(scoped ?? {})) {
      vars[k] = v?.value as string | string[];
    }
    return (value ?? '').replace(/\$\{?(\w+)\}?/g, (whole, name: string) => {
      const v = vars[name];
      return v === undefined ? whole : Array.isArray(v) ? v.join(',') : v;
    });
  };
  return {
    settings,
    transport,
    range: { from: 0, to: Date.now() },
    interpolate,
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}
