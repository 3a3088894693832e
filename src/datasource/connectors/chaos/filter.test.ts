import { InputError } from '../../../model/errors';
import { matchesFilter, resolveFilter, splitValues } from './filter';
import { parseLabelSelector, matchesSelector } from './selector';
import { targetMatchesService } from '../../../model/targets';
import { aRun } from './testRuns';

const vars: Record<string, string> = { $service: 'payments,checkout', $ns: 'shop', $all: '$__all', $glob: '{payments,inventory}' };
const interpolate = (v: string | undefined) => (v ?? '').replace(/\$[a-z]+/g, (m) => vars[m] ?? m);
const pick = (filter: Parameters<typeof resolveFilter>[0], runs = RUNS) => {
  const f = resolveFilter(filter, interpolate);
  return runs.filter((r) => matchesFilter(r, f)).map((r) => r.id);
};

const RUNS = [
  aRun({ id: 'pay', targets: ['shop/payments-7d9f8c6b5-x2x9z'] }),
  aRun({ id: 'chk', name: 'checkout-latency', kind: 'NetworkChaos', targets: ['checkout'], status: 'failed', labels: { team: 'checkout', env: 'dev' } }),
  aRun({ id: 'inv', source: 'litmus', name: 'inventory-cpu', kind: 'pod-cpu-hog', namespace: 'litmus', targets: ['inventory-0'], status: 'running', end: undefined, labels: {} }),
  aRun({ id: 'ctk', source: 'chaostoolkit', name: 'kill payments', kind: 'chaostoolkit', namespace: undefined, targets: ['payments'], labels: { team: 'payments' } }),
];

describe('chaos filters', () => {
  it('keeps everything with an empty filter', () => {
    expect(pick({})).toEqual(['pay', 'chk', 'inv', 'ctk']);
  });

  it('filters by service through a multi-value variable, matching pods of the workload', () => {
    expect(pick({ service: '$service' })).toEqual(['pay', 'chk', 'ctk']);
    expect(pick({ service: '$glob' })).toEqual(['pay', 'inv', 'ctk']);
  });

  it('ignores a variable the dashboard does not have, so the default $service query works anywhere', () => {
    expect(pick({ service: '$nosuchvar' })).toEqual(['pay', 'chk', 'inv', 'ctk']);
    expect(pick({ service: '${nosuch}' })).toEqual(['pay', 'chk', 'inv', 'ctk']);
  });

  it('treats the All value as no restriction', () => {
    expect(pick({ service: '$all', namespace: '*' })).toEqual(['pay', 'chk', 'inv', 'ctk']);
  });

  it('filters by source, status, namespace and kind, each multi-value', () => {
    expect(pick({ sources: ['litmus', 'chaostoolkit'] })).toEqual(['inv', 'ctk']);
    expect(pick({ status: ['failed', 'running'] })).toEqual(['chk', 'inv']);
    expect(pick({ namespace: '$ns' })).toEqual(['pay', 'chk']);
    expect(pick({ kind: 'networkchaos,POD-CPU-HOG' })).toEqual(['chk', 'inv']);
  });

  it('filters by name regex and by label selector', () => {
    expect(pick({ nameRegex: '^(checkout|inventory)' })).toEqual(['chk', 'inv']);
    expect(pick({ labelSelector: 'team=payments,env!=dev' })).toEqual(['pay', 'ctk']);
    expect(pick({ labelSelector: 'env in (dev,stage)' })).toEqual(['chk']);
    expect(pick({ labelSelector: '!env' })).toEqual(['inv', 'ctk']);
  });

  it('says clearly what is wrong with bad input', () => {
    expect(() => resolveFilter({ nameRegex: '(' }, interpolate)).toThrow(InputError);
    expect(() => resolveFilter({ nameRegex: '(' }, interpolate)).toThrow(/name regex "\(" is invalid/);
    expect(() => resolveFilter({ labelSelector: 'team==' }, interpolate)).not.toThrow();
    expect(() => resolveFilter({ labelSelector: 'team in (a,b' }, interpolate)).toThrow(/unbalanced/);
    expect(() => resolveFilter({ labelSelector: '=x' }, interpolate)).toThrow(/cannot read "=x"/);
    expect(() => resolveFilter({ status: ['exploded' as never] }, interpolate)).toThrow(/unknown status "exploded"/);
  });
});

describe('splitValues', () => {
  it('splits comma lists and Grafana glob braces, and drops blanks', () => {
    expect(splitValues(' a, b ,,c', interpolate)).toEqual(['a', 'b', 'c']);
    expect(splitValues('$glob', interpolate)).toEqual(['payments', 'inventory']);
    expect(splitValues('  ', interpolate)).toBeUndefined();
  });
});

describe('label selector', () => {
  it('parses the kubectl forms', () => {
    expect(parseLabelSelector('a=1, b==2,c!=3, d in (x, y), e notin (z), f, !g')).toEqual([
      { key: 'a', op: 'in', values: ['1'] },
      { key: 'b', op: 'in', values: ['2'] },
      { key: 'c', op: 'notin', values: ['3'] },
      { key: 'd', op: 'in', values: ['x', 'y'] },
      { key: 'e', op: 'notin', values: ['z'] },
      { key: 'f', op: 'exists' },
      { key: 'g', op: 'notexists' },
    ]);
  });

  it('treats != as true for runs without the label, like Kubernetes', () => {
    expect(matchesSelector({}, parseLabelSelector('env!=dev'))).toBe(true);
    expect(matchesSelector({ env: 'dev' }, parseLabelSelector('env!=dev'))).toBe(false);
  });
});

describe('targetMatchesService', () => {
  it.each([
    ['payments', 'payments', true],
    ['shop/payments', 'payments', true],
    ['shop/payments-7d9f8c6b5-x2x9z', 'payments', true],
    ['payments-x2x9z', 'payments', true],
    ['payments-0', 'Payments', true],
    ['payments-gateway', 'payments', false],
    ['payments-gateway-7d9f8c6b5-x2x9z', 'payments', false],
    ['checkout', 'payments', false],
    ['payments', '', false],
  ])('%s vs %s → %s', (target, service, expected) => {
    expect(targetMatchesService(target, service)).toBe(expected);
  });
});
