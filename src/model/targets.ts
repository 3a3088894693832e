/**
 * Whether a run's target names the service. Targets arrive as `payments`, `shop/payments`,
 * `shop/payments-7d9f8c6b5-x2x9z` (a pod of a Deployment) or `payments-0` (a StatefulSet pod),
 * so the service filter matches the workload, not only an exact string.
 */
export function targetMatchesService(target: string, service: string): boolean {
  const s = service.trim().toLowerCase();
  if (s === '') {
    return false;
  }
  const t = target.trim().toLowerCase();
  const last = t.split('/').pop() ?? t;
  if (t === s || last === s) {
    return true;
  }
  if (!last.startsWith(`${s}-`)) {
    return false;
  }
  const rest = last.slice(s.length + 1);
  // ReplicaSet hash + pod suffix, bare pod suffix, or StatefulSet ordinal.
  return /^([a-z0-9]{6,10}-)?[a-z0-9]{5}$/.test(rest) || /^\d+$/.test(rest);
}
