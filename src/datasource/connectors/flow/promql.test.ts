import { InputError } from '../../../model';
import { PRESETS } from './presets';
import { checkMatchers, measureQuery, rangeVars, replaceRangeVars, selector } from './promql';

describe('range variables', () => {
  const v = rangeVars(0, 3_600_000);

  it('computes $__range and a $__rate_interval of at least four scrapes', () => {
    expect(v.rangeMs).toBe(3_600_000);
    expect(v.rateIntervalMs).toBeGreaterThanOrEqual(60_000);
  });

  it('replaces the variables Grafana left in custom PromQL, bare and braced', () => {
    const q = replaceRangeVars(
      'sum(rate(x[$__rate_interval])) / sum(increase(x[${__range}])) * $__range_s + $__unknown',
      v
    );
    expect(q).toBe('sum(rate(x[60s])) / sum(increase(x[3600s])) * 3600 + $__unknown');
  });

  it('leaves a variable named like an Object member as written', () => {
    expect(replaceRangeVars('x[$__proto__] + ${__proto__} + $__constructor', v)).toBe(
      'x[$__proto__] + ${__proto__} + $__constructor'
    );
  });
});

describe('selectors', () => {
  it('merges fixed and user matchers and drops empty parts', () => {
    expect(selector('m', 'a="1"', undefined, ' {b=~"x|y"} ')).toBe('m{a="1",b=~"x|y"}');
    expect(selector('m')).toBe('m{}');
  });

  it('accepts label matchers, braces inside quoted values too', () => {
    expect(checkMatchers('k8s_src_namespace="shop",dst_name=~"a{2}"')).toBe(
      'k8s_src_namespace="shop",dst_name=~"a{2}"'
    );
    expect(checkMatchers('  ')).toBeUndefined();
  });

  it.each(['a="1"}) or vector(1', 'a="1"} or up{'])('refuses matchers that escape the selector: %s', (m) => {
    expect(() => checkMatchers(m)).toThrow(InputError);
  });
});

describe('preset queries', () => {
  it('sums counter increases over the range by the grouping labels', () => {
    const [bytes] = PRESETS.beyla.measures;
    expect(measureQuery(bytes, ['src_name', 'dst_name'], 3_600_000, 'transport="tcp"')).toBe(
      'sum by (src_name,dst_name) (increase(beyla_network_flow_bytes_total{transport="tcp"}[3600s]))'
    );
  });

  it('asks histograms for p95 by le and the grouping labels', () => {
    const latency = PRESETS.servicegraph.measures.find((m) => m.measure === 'latencyP95')!;
    expect(measureQuery(latency, ['client', 'server'], 300_000)).toBe(
      'histogram_quantile(0.95, sum by (le,client,server) (rate(traces_service_graph_request_server_seconds_bucket{}[300s])))'
    );
  });

  it('reads both Istio TCP byte counters through one name matcher', () => {
    const bytes = PRESETS.istio.measures.find((m) => m.measure === 'bytes')!;
    expect(measureQuery(bytes, ['source_workload'], 60_000)).toBe(
      'sum by (source_workload) (increase({__name__=~"istio_tcp_(sent|received)_bytes_total",reporter="destination"}[60s]))'
    );
  });
});
