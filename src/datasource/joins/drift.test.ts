import { FlowGraph, Ownership } from '../../model';
import { hintOf, scoreServices } from '../../scorecard/evaluate';
import { DEFAULT_SETTINGS } from '../../scorecard/settings';
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

describe('the scorecard’s noDrift rule', () => {
  const services = [
    svc('payments'),
    svc('ledger'),
    svc('billing', { team: 'team-billing' }),
    svc('sandbox', { lifecycle: 'experimental' }),
  ];
  const failing = (flows: FlowGraph) =>
    scoreServices({ services, runs: [], flows, settings: DEFAULT_SETTINGS, now: 0 })
      .filter((r) => r.results.find((x) => x.rule === 'noDrift')?.outcome === 'fail')
      .map((r) => ({
        service: r.service,
        team: r.team,
        hint: hintOf({ ...r, results: r.results.filter((x) => x.rule === 'noDrift') }),
      }));

  it('fails exactly the services the drift query lists silent, with the same fix, per team', () => {
    const silent = catalogDrift(graph, services)
      .filter((d) => d.kind === 'silent')
      .map((d) => ({ service: d.service, team: d.team, hint: d.fix }));
    expect(silent.map((s) => s.service)).toEqual(['ledger', 'billing']);
    expect(failing(graph)).toEqual(silent);
  });

  it('fails nothing when the flows carry no data, as the drift query lists nothing silent then', () => {
    const empty: FlowGraph = { nodes: [], edges: [] };
    expect(catalogDrift(empty, services).filter((d) => d.kind === 'silent')).toEqual([]);
    expect(failing(empty)).toEqual([]);
  });
});
