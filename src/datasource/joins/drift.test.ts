import { FlowGraph, Ownership } from '../../model';
import { catalogDrift, driftByTeam } from './drift';

const svc = (service: string, over: Partial<Ownership> = {}): Ownership => ({
  ref: `component:default/${service}`,
  service,
  namespace: 'default',
  owner: 'Payments',
  team: 'team-payments',
  contacts: [],
  links: [],
  tags: [],
  source: 'catalog-files',
  missing: [],
  lifecycle: 'production',
  ...over,
});

const graph: FlowGraph = {
  nodes: ['user', 'payments', 'stock-audit'].map((id) => ({ id, title: id })),
  edges: [{ source: 'stock-audit', target: 'payments' }],
};

describe('catalogDrift', () => {
  const services = [
    svc('payments'),
    svc('ledger'),
    svc('sandbox', { lifecycle: 'experimental' }),
    svc('orphan', {
      owner: undefined,
      team: undefined,
      lifecycle: 'experimental',
      missing: [{ field: 'owner', hint: 'no owner set' }],
    }),
  ];

  it('finds services the catalog lacks, silent production services and owners that resolve to nobody', () => {
    expect(catalogDrift(graph, services)).toEqual([
      {
        kind: 'uncatalogued',
        service: 'stock-audit',
        namespace: undefined,
        fix: expect.stringContaining('add a catalog-info.yaml'),
      },
      {
        kind: 'silent',
        service: 'ledger',
        namespace: 'default',
        team: 'team-payments',
        fix: expect.stringContaining('no traffic'),
      },
      { kind: 'unowned', service: 'orphan', namespace: 'default', team: undefined, fix: 'no owner set' },
    ]);
  });

  it('says nothing of silence when there are no flows at all (no exporter is not drift)', () => {
    expect(catalogDrift({ nodes: [], edges: [] }, [svc('ledger')])).toEqual([]);
  });

  it('counts per team', () => {
    expect(driftByTeam(catalogDrift(graph, services))).toEqual([
      { team: 'no team', uncatalogued: 1, silent: 0, unowned: 1 },
      { team: 'team-payments', uncatalogued: 0, silent: 1, unowned: 0 },
    ]);
  });
});
