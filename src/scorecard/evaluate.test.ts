import { aRun } from '../datasource/connectors/chaos/testRuns';
import { FlowGraph } from '../model';
import { hintOf, matchesSearch, NO_TEAM, scoreServices, scoreTeams } from './evaluate';
import { DEFAULT_SETTINGS, resolveSettings } from './settings';
import { aService } from './testkit';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const DAY = 86_400_000;

const passedRun = aRun({ targets: ['shop/payments-7d9f8c6b5-x2x9z'], start: NOW - 2 * DAY, end: NOW - 2 * DAY + 300_000, verdict: { outcome: 'passed' } });

const graph: FlowGraph = {
  nodes: [
    { id: 'shop/frontend', title: 'frontend' },
    { id: 'shop/payments', title: 'payments' },
    { id: 'shop/mystery', title: 'mystery' },
    { id: 'user', title: 'user' },
  ],
  edges: [
    { source: 'shop/frontend', target: 'shop/payments' },
    { source: 'shop/mystery', target: 'shop/payments' },
    { source: 'user', target: 'shop/frontend' },
  ],
};

const outcomes = (r: { results: Array<{ rule: string; outcome: string }> }) => Object.fromEntries(r.results.map((x) => [x.rule, x.outcome]));

describe('scoreServices', () => {
  it('passes a fully owned, recently and successfully tested service seen in flows with known callers', () => {
    const [s] = scoreServices({ services: [aService('frontend')], runs: [aRun({ targets: ['frontend'], start: NOW - DAY, end: NOW - DAY + 1, verdict: { outcome: 'passed' } })], flows: graph, settings: DEFAULT_SETTINGS, now: NOW });
    expect(s.score).toBe(100);
    expect(s.ready).toBe(true);
    expect(s.flows?.callees).toEqual(['payments']);
    expect(s.flows?.callers).toEqual([]);
    expect(hintOf(s)).toBe('');
  });

  it('fails each ownership rule with the catalog hint when the catalog has one', () => {
    const bare = aService('payments', { owner: undefined, ownerRef: undefined, onCall: undefined, runbook: undefined, repo: undefined, missing: [{ field: 'runbook', hint: 'add the runbook annotation' }] });
    const [s] = scoreServices({ services: [bare], runs: [passedRun], settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(s)).toMatchObject({ owner: 'fail', onCall: 'fail', runbook: 'fail', repo: 'fail', recentChaos: 'pass', steadyState: 'pass' });
    expect(hintOf(s)).toContain('add the runbook annotation');
    expect(s.score).toBe(33);
    expect(s.ready).toBe(false);
  });

  it('fails an owner the catalog cannot resolve, with the catalog hint', () => {
    const hint = 'owner `user:default/former.employee` is not in the catalog — add it or fix `spec.owner`';
    const dangling = aService('payments', { owner: 'former.employee', ownerRef: 'user:default/former.employee', missing: [{ field: 'owner', hint }] });
    const [s] = scoreServices({ services: [dangling], runs: [passedRun], settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(s).owner).toBe('fail');
    expect(hintOf(s)).toContain('is not in the catalog');
  });

  it('fails a runbook or on-call link that is not an http(s) URL, as the panel does not show it', () => {
    const unsafe = aService('payments', { runbook: { kind: 'runbook', title: 'Runbook', url: 'javascript:alert(1)' }, onCall: { kind: 'oncall', title: 'On-call', url: ' data:text/html,x' } });
    const [s] = scoreServices({ services: [unsafe], runs: [passedRun], settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(s)).toMatchObject({ runbook: 'fail', onCall: 'fail', repo: 'pass' });
  });

  it('does not judge the flow rules without flow data, and they do not lower the score', () => {
    const [s] = scoreServices({ services: [aService('payments')], runs: [passedRun], settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(s)).toMatchObject({ observed: 'na', knownCallers: 'na' });
    expect(s.score).toBe(100);
  });

  it('names callers the catalog does not know, but not the ignored virtual client', () => {
    const [frontend, payments] = scoreServices({ services: [aService('frontend'), aService('payments')], runs: [passedRun], flows: graph, settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(payments).knownCallers).toBe('fail');
    expect(payments.flows?.unknownCallers).toEqual(['mystery']);
    expect(payments.flows?.callers).toEqual(['frontend', 'mystery']);
    expect(hintOf(payments)).toContain('mystery');
    expect(outcomes(frontend).knownCallers).toBe('pass');
  });

  it('fails a service not seen in the flow data', () => {
    const [s] = scoreServices({ services: [aService('shipping')], runs: [], flows: graph, settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(s)).toMatchObject({ observed: 'fail', knownCallers: 'pass', recentChaos: 'fail', steadyState: 'fail' });
  });

  it('counts a run as recent only inside the configured window', () => {
    const old = aRun({ targets: ['payments'], start: NOW - 10 * DAY, end: NOW - 10 * DAY + 1, verdict: { outcome: 'passed' } });
    const input = { services: [aService('payments')], runs: [old], now: NOW };
    expect(outcomes(scoreServices({ ...input, settings: DEFAULT_SETTINGS })[0]).recentChaos).toBe('pass');
    expect(outcomes(scoreServices({ ...input, settings: resolveSettings({ chaosWindowDays: 7 }) })[0]).recentChaos).toBe('fail');
  });

  it('judges the steady state on the last finished run, not a running one nor an older pass', () => {
    const deviated = aRun({ id: 'r2', name: 'payments-latency', targets: ['payments'], start: NOW - DAY, end: NOW - DAY + 1, verdict: { outcome: 'deviated' } });
    const running = aRun({ id: 'r3', targets: ['payments'], start: NOW - 60_000, end: undefined, status: 'running' });
    const [s] = scoreServices({ services: [aService('payments')], runs: [passedRun, deviated, running], settings: DEFAULT_SETTINGS, now: NOW });
    expect(outcomes(s).steadyState).toBe('fail');
    expect(hintOf(s)).toContain('"payments-latency" deviated');
    expect(s.runs).toHaveLength(3);
  });

  it('leaves disabled rules out and weighs the others', () => {
    const settings = resolveSettings({ rules: { repo: { enabled: false }, owner: { weight: 3 }, onCall: { weight: 0 } } });
    const [s] = scoreServices({ services: [aService('payments', { repo: undefined, onCall: undefined })], runs: [], settings, now: NOW });
    expect(s.results.map((r) => r.rule)).not.toContain('repo');
    // owner 3 + runbook 1 pass; onCall weighs 0; recentChaos and steadyState fail: 4 of 6
    expect(s.score).toBe(67);
  });

  it('gives no score when every enabled rule is a flow rule and there are no flows', () => {
    const settings = resolveSettings({ rules: { owner: { enabled: false }, onCall: { enabled: false }, runbook: { enabled: false }, repo: { enabled: false }, recentChaos: { enabled: false }, steadyState: { enabled: false } } });
    const [s] = scoreServices({ services: [aService('payments')], runs: [], settings, now: NOW });
    expect(s.score).toBeUndefined();
    expect(s.ready).toBe(false);
  });
});

describe('scoreTeams', () => {
  it('counts services and ready ones per team and averages the judged scores', () => {
    const teams = scoreTeams([
      { service: 'a', team: 'payments', score: 100, ready: true, results: [] },
      { service: 'b', team: 'payments', score: 50, ready: false, results: [] },
      { service: 'c', team: 'payments', score: undefined, ready: false, results: [] },
      { service: 'd', score: 0, ready: false, results: [] },
    ]);
    expect(teams).toEqual([
      { team: NO_TEAM, services: 1, ready: 0, score: 0 },
      { team: 'payments', services: 3, ready: 1, score: 75 },
    ]);
  });
});

describe('matchesSearch', () => {
  const s = aService('payments-api', { title: 'Payments API', team: 'team-payments', owner: 'Payments', system: 'billing' });
  it.each(['', 'PAY', 'api', 'billing', 'team-pay'])('finds the service by %j', (text) => expect(matchesSearch(s, text)).toBe(true));
  it.each(['checkout', 'x'])('does not find it by %j', (text) => expect(matchesSearch(s, text)).toBe(false));
});
