import { QueryContext } from '../context';
import { TransportRequest } from '../../http/transport';
import { loadFlowGraph } from '.';
import { storeStubContext } from './storeStub';
import partial from './fixtures/thanos/partial-response.json';

/*
 * Thanos Query cannot run here (not in Debian): a contract fixture in the envelope of its
 * pkg/api/api.go `response` (top-level `warnings` beside `data`), with a partial answer as
 * docs/components/query.md describes it: status 200, the series of the stores that answered, and
 * a warning naming the store that did not.
 */
const ctxWith = (settings: QueryContext['settings'], seen: TransportRequest[]) =>
  storeStubContext({ flowClusterLabel: 'cluster', ...settings }, () => partial, seen);

describe('Thanos Query as the global view', () => {
  it('sends dedup and partial_response when set, and neither when unset', async () => {
    const seen: TransportRequest[] = [];
    await loadFlowGraph(ctxWith({ thanosDedup: true, thanosPartialResponse: false }, seen), { preset: 'beyla' });
    expect(seen.length).toBeGreaterThan(0);
    for (const r of seen) {
      expect(r.params).toMatchObject({ dedup: 'true', partial_response: 'false' });
    }
    seen.length = 0;
    await loadFlowGraph(ctxWith({}, seen), { preset: 'beyla' });
    for (const r of seen) {
      expect(Object.keys(r.params ?? {})).not.toContain('dedup');
      expect(Object.keys(r.params ?? {})).not.toContain('partial_response');
    }
  });

  it('draws a partial answer and says so with a warning notice', async () => {
    const { graph, notices } = await loadFlowGraph(ctxWith({ thanosPartialResponse: true }, []), { preset: 'beyla' });
    expect(graph.nodes.map((n) => n.id)).toEqual(['shop/frontend@eu-1', 'shop/checkout@eu-1']);
    expect(notices).toContainEqual({ severity: 'warning', text: partial.warnings[0] });
  });
});
