import { InputError } from '../../../model';
import { QueryContext } from '../context';
import { PrometheusClient } from './promClient';

/**
 * Values of one label in the range, for template variables (`$namespace`, `$service`), straight
 * from the store's label-values API so they cost no query evaluation.
 */
export async function findFlowLabelValues(
  label: string | undefined,
  ctx: QueryContext,
  match: string[] = []
): Promise<Array<{ text: string }>> {
  const name = ctx.interpolate(label).trim();
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
    throw new InputError(
      name ? `"${name}" is not a Prometheus label name` : 'name the label whose values to list, e.g. k8s_src_namespace',
      'Flow label values'
    );
  }
  if (!ctx.settings.prometheusUrl) {
    throw new InputError('no Prometheus URL is configured; set it in the data source settings', 'Flow label values');
  }
  const client = PrometheusClient.fromSettings(ctx.settings, ctx.transport);
  const { data } = await client.labelValues(name, ctx.range.from, ctx.range.to, match);
  return [...new Set(data.filter((v): v is string => typeof v === 'string' && v !== ''))]
    .sort()
    .map((text) => ({ text }));
}
