import { FlowQuery } from '../../types';
import { loadFlowGraph } from '.';
import { EMPTY_VECTOR, storeStubContext } from './storeStub';
import caretta from './fixtures/presets/caretta.json';
import coroot from './fixtures/presets/coroot.json';
import retina from './fixtures/presets/retina.json';

/** A store answering the fixture to queries of `metric` and nothing to the preset's other measures. */
const ctxFor = (metric: string, answer: unknown, seen: string[]) =>
  storeStubContext({}, (req) => {
    const q = String(req.params?.query);
    seen.push(q);
    return q.includes(metric) ? answer : EMPTY_VECTOR;
  });

describe('presets for Caretta, coroot-node-agent and Retina', () => {
  it('Caretta: client to server links, counted once from the client side, with their cluster', async () => {
    const seen: string[] = [];
    const { graph } = await loadFlowGraph(ctxFor('caretta_links_observed', caretta, seen), {
      preset: 'caretta',
    } as FlowQuery);
    expect(seen[0]).toContain('caretta_links_observed{role="1"}');
    expect(graph.edges.map((e) => [e.source, e.target, e.bytesRate])).toEqual([
      ['shop/frontend@eu-1', 'shop/checkout@eu-1', 1000],
      ['shop/checkout@eu-1', 'db/postgres@eu-1', 200],
    ]);
  });

  it('coroot-node-agent: containers to the address behind NAT when known, else the one dialled', async () => {
    const { graph } = await loadFlowGraph(ctxFor('container_net_tcp_bytes_sent_total', coroot, []), {
      preset: 'coroot',
    } as FlowQuery);
    expect(graph.edges.map((e) => [e.source, e.target, e.bytesRate])).toEqual([
      ['/k8s/shop/frontend-7d9f/frontend', '10.244.1.7:8080', 1000],
      ['/k8s/shop/checkout-5c2a/checkout', '10.96.0.30:5432', 100],
    ]);
  });

  it('Retina: Hubble flow metrics without the HTTP ones', async () => {
    const seen: string[] = [];
    const { graph } = await loadFlowGraph(ctxFor('hubble_flows_processed_total', retina, seen), {
      preset: 'retina',
    } as FlowQuery);
    expect(seen.some((q) => q.includes('hubble_http_requests_total'))).toBe(false);
    expect(graph.edges.map((e) => [e.source, e.target, e.flowRate])).toEqual([
      ['shop/frontend@aks-west', 'shop/checkout@aks-west', 2],
    ]);
  });
});
