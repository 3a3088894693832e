import { QueryContext } from '../context';
import { TransportRequest } from '../../http/transport';

/** An instant vector answer with no series. */
export const EMPTY_VECTOR = { status: 'success', data: { resultType: 'vector', result: [] } };

/**
 * A query context over an hour whose store answers `answer(request)` as JSON with status 200, and
 * records every request, for tests of stores that cannot run here (Thanos) or of what is asked.
 */
export function storeStubContext(
  settings: QueryContext['settings'],
  answer: (req: TransportRequest) => unknown = () => EMPTY_VECTOR,
  seen: TransportRequest[] = []
): QueryContext {
  return {
    settings: { prometheusUrl: 'http://prometheus.example', ...settings },
    transport: async (req) => {
      seen.push(req);
      return { status: 200, text: JSON.stringify(answer(req)), headers: {} };
    },
    range: { from: 1795680000000, to: 1795683600000 },
    interpolate: (v) => v ?? '',
    scopedVars: {},
    cache: new Map(),
    refId: 'A',
  };
}
