import { InputError } from '../../../model';
import { QueryContext } from '../context';
import { FlowQuery } from '../../types';
import { loadFlowGraph } from '.';

const requested: string[] = [];
const ctx: QueryContext = {
  settings: { prometheusUrl: 'http://prometheus.example' },
  transport: async (req) => {
    requested.push(req.path);
    return {
      status: 200,
      text: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }),
      headers: {},
    };
  },
  range: { from: 1795680000000, to: 1795683600000 },
  interpolate: (v) => v ?? '',
  scopedVars: {},
  cache: new Map(),
  refId: 'A',
};

describe('loadFlowGraph with a saved query naming no real preset', () => {
  it.each(['constructor', '__proto__', 'toString', 'no-such-preset'])(
    'refuses preset %j with an InputError before asking Prometheus',
    async (preset) => {
      const query = { preset, grouping: 'workload' } as unknown as FlowQuery;
      await expect(loadFlowGraph(ctx, query)).rejects.toThrow(InputError);
      await expect(loadFlowGraph(ctx, query)).rejects.toThrow(/unknown preset/);
      expect(requested).toEqual([]);
    }
  );

  it('falls back to workload for a grouping named like an Object member', async () => {
    const { notices } = await loadFlowGraph(ctx, { preset: 'beyla', grouping: 'constructor' } as unknown as FlowQuery);
    expect(notices.map((n) => n.text)).toContain(
      'Beyla network flows metrics carry no constructor labels: grouped by workload instead.'
    );
  });
});
