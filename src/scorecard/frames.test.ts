import { DataFrame } from '@grafana/data';
import { aRun } from '../datasource/connectors/chaos/testRuns';
import { catalogOrder, scoreServices, scoreTeams } from './evaluate';
import { NO_OWNER, ruleField, ruleFrame, scorecardFrame, teamScoreFrame } from './frames';
import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { aService } from './testkit';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const column = (f: DataFrame, name: string) => f.fields.find((x) => x.name === name)?.values;

describe('scorecardFrame', () => {
  const services = [aService('frontend', { team: 'web' }), aService('payments', { runbook: undefined })];
  const runs = [
    aRun({
      id: 'a',
      name: 'payments-kill',
      targets: ['payments'],
      start: NOW - 7200_000,
      end: NOW - 7000_000,
      verdict: { outcome: 'deviated', detail: 'p95 > 300ms' },
    }),
    aRun({
      id: 'b',
      name: 'payments-latency',
      targets: ['payments'],
      start: NOW - 60_000,
      end: undefined,
      status: 'running',
    }),
  ];
  const flows = {
    nodes: [{ id: 'frontend' }, { id: 'payments' }],
    edges: [{ source: 'frontend', target: 'payments' }],
  };
  const reports = scoreServices({ services, runs, flows, settings: DEFAULT_SETTINGS, now: NOW });

  it('has one row per service with ownership, last finished run, neighbours, score and rules', () => {
    const f = scorecardFrame(reports, DEFAULT_SETTINGS, '/a/faultline-app/service/${__value.raw}');
    expect(f.length).toBe(2);
    expect(column(f, 'service')).toEqual(['frontend', 'payments']);
    expect(column(f, 'team')).toEqual(['web', 'payments']);
    expect(column(f, 'last_run')).toEqual(['', 'payments-kill']);
    expect(column(f, 'last_outcome')).toEqual(['', 'deviated']);
    expect(column(f, 'last_verdict')).toEqual(['', 'deviated (p95 > 300ms)']);
    expect(column(f, 'callers')).toEqual(['', 'frontend']);
    expect(column(f, 'callees')).toEqual(['payments', '']);
    expect(column(f, ruleField('runbook'))).toEqual(['pass', 'fail']);
    expect(column(f, ruleField('recentChaos'))).toEqual(['fail', 'pass']);
    // frontend: no chaos run (2 of 9 fail); payments: no runbook, last run deviated (2 of 9 fail)
    expect(column(f, 'score')).toEqual([78, 78]);
    expect(f.fields[0].config.links?.[0].url).toBe('/a/faultline-app/service/${__value.raw}');
    expect(String(column(f, 'hint')?.[1])).toMatch(/runbook.*deviated/);
  });

  it('has no column for a disabled rule', () => {
    const settings = resolveSettings({ rules: { repo: { enabled: false } } });
    const f = scorecardFrame(scoreServices({ services, runs, settings, now: NOW }), settings);
    expect(column(f, ruleField('repo'))).toBeUndefined();
    expect(column(f, ruleField('owner'))).toBeDefined();
    expect(f.fields[0].config.links).toBeUndefined();
  });

  it('shows the latest running run when none has finished', () => {
    const f = scorecardFrame(
      scoreServices({ services, runs: [runs[1]], settings: DEFAULT_SETTINGS, now: NOW }),
      DEFAULT_SETTINGS
    );
    expect(column(f, 'last_run')).toEqual(['', 'payments-latency']);
    expect(column(f, 'last_outcome')).toEqual(['', 'running']);
  });

  it('has one row per team', () => {
    const f = teamScoreFrame(scoreTeams(reports), DEFAULT_SETTINGS);
    expect(column(f, 'team')).toEqual(['payments', 'web']);
    expect(column(f, 'services')).toEqual([1, 1]);
    expect(column(f, 'score')).toEqual([78, 78]);
  });

  it('has one row per service and rule, with the hint for failures and the rule for passes', () => {
    const f = ruleFrame(reports.slice(1), DEFAULT_SETTINGS);
    expect(f.length).toBe(9);
    expect(column(f, 'rule')?.slice(0, 3)).toEqual(['Owner', 'On-call', 'Runbook']);
    expect(column(f, 'result')?.slice(0, 3)).toEqual(['pass', 'pass', 'fail']);
    expect(column(f, 'hint')?.[2]).toBe('link a runbook');
    expect(column(f, 'hint')?.[0]).toBe('The catalog names an owning team or person it knows');
  });
});

describe('the catalog rows', () => {
  const owned = aService('payments');
  const orphan = aService('legacy-batch', { owner: undefined, ownerRef: undefined, team: undefined });
  const twin = aService('checkout', { namespace: 'legacy', ref: 'component:legacy/checkout' });

  it('put a service without an owner first, marked "no owner"', () => {
    const reports = catalogOrder(
      scoreServices({ services: [owned, orphan], runs: [], settings: DEFAULT_SETTINGS, now: NOW })
    );
    // The orphan passes fewer rules, but would lead even if it scored best: it is sorted by owner first.
    const better = catalogOrder(reports.map((r) => (r.service === 'legacy-batch' ? { ...r, score: 100 } : r)));
    expect(better.map((r) => r.service)).toEqual(['legacy-batch', 'payments']);
    const f = scorecardFrame(better, DEFAULT_SETTINGS);
    expect(column(f, 'owner')).toEqual([NO_OWNER, 'Team Payments']);
  });

  it('carry the namespace for the service link, shown only when a name repeats', () => {
    const link = '/a/faultline-app/service/${__data.fields.namespace}/${__value.raw}';
    const unique = scorecardFrame(
      scoreServices({ services: [owned, twin], runs: [], settings: DEFAULT_SETTINGS, now: NOW }),
      DEFAULT_SETTINGS,
      link
    );
    const ns = (f: DataFrame) => f.fields.find((x) => x.name === 'namespace')!;
    expect(ns(unique).values).toEqual(['default', 'legacy']);
    expect(ns(unique).config.custom?.hideFrom?.viz).toBe(true);
    const both = scorecardFrame(
      scoreServices({ services: [aService('checkout'), twin], runs: [], settings: DEFAULT_SETTINGS, now: NOW }),
      DEFAULT_SETTINGS,
      link
    );
    expect(ns(both).config.custom?.hideFrom).toBeUndefined();
    expect(both.fields[0].config.links?.[0].url).toBe(link);
  });

  it('cut a field of several megabytes for display', () => {
    const huge = aService('big', { tier: 'x'.repeat(5_000_000) });
    const f = scorecardFrame(
      scoreServices({ services: [huge], runs: [], settings: DEFAULT_SETTINGS, now: NOW }),
      DEFAULT_SETTINGS
    );
    expect(String(column(f, 'tier')?.[0])).toMatch(/^x{2000}… \(5,000,000 characters\)$/);
  });
});
