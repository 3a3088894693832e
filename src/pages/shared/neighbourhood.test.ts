import { createDataFrame, FieldType } from '@grafana/data';
import { neighbourhood } from './neighbourhood';

const nodes = createDataFrame({
  name: 'nodes',
  fields: [
    {
      name: 'id',
      type: FieldType.string,
      values: ['shop/frontend', 'shop/payments-7d9f8c6b5-x2x9z', 'shop/checkout', 'shop/inventory'],
    },
    {
      name: 'title',
      type: FieldType.string,
      values: ['frontend', 'payments-7d9f8c6b5-x2x9z', 'checkout', 'inventory'],
    },
  ],
});
const edges = createDataFrame({
  name: 'edges',
  fields: [
    { name: 'id', type: FieldType.string, values: ['e1', 'e2', 'e3'] },
    {
      name: 'source',
      type: FieldType.string,
      values: ['shop/frontend', 'shop/checkout', 'shop/payments-7d9f8c6b5-x2x9z'],
    },
    {
      name: 'target',
      type: FieldType.string,
      values: ['shop/checkout', 'shop/payments-7d9f8c6b5-x2x9z', 'shop/inventory'],
    },
  ],
});

describe('neighbourhood', () => {
  it('keeps the service (matched through its pod name), its callers and callees, and their edges', () => {
    const [n, e] = neighbourhood([nodes, edges], 'payments');
    expect(n.fields[0].values).toEqual(['shop/payments-7d9f8c6b5-x2x9z', 'shop/checkout', 'shop/inventory']);
    expect(n.length).toBe(3);
    expect(e.fields[0].values).toEqual(['e2', 'e3']);
    expect(e.length).toBe(2);
  });

  it('leaves nothing when the service is not in the graph', () => {
    const [n, e] = neighbourhood([nodes, edges], 'shipping');
    expect(n.length).toBe(0);
    expect(e.length).toBe(0);
  });

  it('passes frames that are not a node graph through', () => {
    const table = createDataFrame({
      name: 'services',
      fields: [{ name: 'service', type: FieldType.string, values: ['a'] }],
    });
    expect(neighbourhood([table], 'a')).toEqual([table]);
  });
});
