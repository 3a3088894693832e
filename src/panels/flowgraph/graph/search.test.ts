import { buildTree } from './hierarchy';
import { levelView } from './levelView';
import { searchMatches } from './search';
import { graphOf } from '../testkit/graph';

const data = graphOf(['checkout>payments', 'checkout>stock', 'stock>ledger'], {
  checkout: { cluster: 'c1', namespace: 'shop' },
  payments: { cluster: 'c1', namespace: 'pay' },
  stock: { cluster: 'c1', namespace: 'shop' },
  ledger: { cluster: 'c2', namespace: 'books' },
});
const tree = buildTree(data, 'auto');

function found(open: string[], query: string, hidden: string[] = []): string[] {
  const v = levelView(data, tree, new Set(open));
  const visible = Uint8Array.from(v.graph.nodes, (n) => (hidden.includes(n.title) ? 0 : 1));
  return [...searchMatches(v.graph.nodes, visible, query, data.nodes)].map((i) => v.graph.nodes[i].title).sort();
}

describe('search', () => {
  it('finds a workload inside closed groups by lighting the group it is in, at every level', () => {
    expect(found([], 'paym')).toEqual(['c1']);
    expect(found(['cluster=c1'], 'paym')).toEqual(['pay']);
    expect(found(['cluster=c1', 'cluster=c1/namespace=pay'], 'PAYM')).toEqual(['payments']);
    // two workloads of one group: the group once; workloads in two clusters: both
    expect(found(['cluster=c1'], 't')).toEqual(['pay', 'shop']);
    expect(found([], 'e')).toEqual(['c1', 'c2']);
  });

  it('finds groups by their own name, skips what is hidden, and an empty query finds nothing', () => {
    expect(found([], 'c2')).toEqual(['c2']);
    // not by the made-up id every group has
    expect(found([], 'group')).toEqual([]);
    expect(found([], 'ledger', ['c2'])).toEqual([]);
    expect(found([], '  ')).toEqual([]);
  });
});
