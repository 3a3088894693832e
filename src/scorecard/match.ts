import { targetMatchesService } from '../model/targets';

/**
 * Finds the catalog service a workload name (chaos target, flow node) stands for, in constant time
 * per name: the candidates are the name itself and the name without a pod or ordinal suffix, each
 * confirmed by the same rule the chaos service filter uses, so pages and queries agree.
 */
export class ServiceIndex {
  private readonly byName = new Map<string, string>();

  constructor(services: Iterable<string>) {
    for (const s of services) {
      this.byName.set(s.trim().toLowerCase(), s);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  find(workload: string): string | undefined {
    const last = (workload.trim().toLowerCase().split('/').pop() ?? '').trim();
    for (const candidate of candidatesOf(last)) {
      const service = this.byName.get(candidate);
      if (service !== undefined && targetMatchesService(workload, service)) {
        return service;
      }
    }
    return undefined;
  }
}

function candidatesOf(name: string): string[] {
  const parts = name.split('-');
  const out = [name];
  // payments-0, payments-x2x9z -> payments; payments-7d9f8c6b5-x2x9z -> payments
  if (parts.length > 1) {
    out.push(parts.slice(0, -1).join('-'));
  }
  if (parts.length > 2) {
    out.push(parts.slice(0, -2).join('-'));
  }
  return out;
}
