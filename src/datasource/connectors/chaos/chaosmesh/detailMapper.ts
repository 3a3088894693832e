import { ChaosRun } from '../../../../model/chaos';
import { CmDetail, CmSelector } from './types';

/** Label keys whose value names the workload a selector picks, in the order people use them. */
const WORKLOAD_KEYS = ['app.kubernetes.io/name', 'app', 'service', 'k8s-app', 'name', 'app.kubernetes.io/instance'];

/**
 * Adds what only the experiment object knows: its labels (for label selectors) and the workloads
 * its selector names (so `$service` matches a run even when no Applied event names a pod).
 */
export function applyDetail(run: ChaosRun, d: CmDetail): ChaosRun {
  const meta = d.kube_object?.metadata;
  const spec = d.kube_object?.spec;
  const targets = new Set(run.targets);
  for (const sel of [spec?.selector, spec?.target?.selector]) {
    selectorTargets(sel).forEach((t) => targets.add(t));
  }
  return {
    ...run,
    labels: { ...(meta?.labels ?? {}), ...run.labels },
    targets: [...targets],
  };
}

function selectorTargets(sel: CmSelector | null | undefined): string[] {
  if (!sel) {
    return [];
  }
  const out: string[] = [];
  const labels = sel.labelSelectors ?? {};
  const key = WORKLOAD_KEYS.find((k) => typeof labels[k] === 'string' && labels[k] !== '');
  if (key) {
    out.push(labels[key]);
  }
  for (const [ns, pods] of Object.entries(sel.pods ?? {})) {
    (Array.isArray(pods) ? pods : []).forEach((p) => out.push(`${ns}/${p}`));
  }
  return out;
}
