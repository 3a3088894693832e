import { ChaosRun } from '../../../../model/chaos';
import { obj, str, strMap, strs, Untrusted } from '../../json';
import { CmDetail } from './types';

/** Label keys whose value names the workload a selector picks, in the order people use them. */
const WORKLOAD_KEYS = ['app.kubernetes.io/name', 'app', 'service', 'k8s-app', 'name', 'app.kubernetes.io/instance'];

/**
 * Adds what only the experiment object knows: its labels (for label selectors) and the workloads
 * its selector names (so `$service` matches a run even when no Applied event names a pod).
 */
export function applyDetail(run: ChaosRun, d: Untrusted<CmDetail>): ChaosRun {
  const kube = obj(d.kube_object);
  const spec = obj(kube?.spec);
  const targets = new Set(run.targets);
  for (const sel of [spec?.selector, obj(spec?.target)?.selector]) {
    selectorTargets(sel).forEach((t) => targets.add(t));
  }
  return {
    ...run,
    labels: { ...strMap(obj(kube?.metadata)?.labels), ...run.labels },
    targets: [...targets],
  };
}

function selectorTargets(raw: unknown): string[] {
  const sel = obj(raw);
  if (!sel) {
    return [];
  }
  const out: string[] = [];
  const labels = strMap(sel.labelSelectors);
  const key = WORKLOAD_KEYS.find((k) => str(labels[k]));
  if (key) {
    out.push(labels[key]);
  }
  for (const [ns, pods] of Object.entries(obj(sel.pods) ?? {})) {
    strs(pods).forEach((p) => out.push(`${ns}/${p}`));
  }
  return out;
}
