import { BlastRole, ChaosRun, DEFAULT_NAMESPACE, FlowGraph, FlowNodeInfo, Ownership } from '../../model';

/**
 * Finds the catalog service of a flow node: by the service name or its Kubernetes id. When both
 * sides know a namespace, a service is matched in its Kubernetes namespace, else in a catalog
 * namespace of the same name; a service the catalog places in another Kubernetes namespace never matches.
 */
export function ownerMatcher(services: Ownership[]): (node: FlowNodeInfo) => Ownership | undefined {
  const byName = new Map<string, Ownership[]>();
  const add = (name: string, s: Ownership) => {
    const k = name.toLowerCase();
    const list = byName.get(k);
    list ? list.includes(s) || list.push(s) : byName.set(k, [s]);
  };
  for (const s of services) {
    add(s.service, s);
    if (s.kubernetes?.id) {
      add(s.kubernetes.id, s);
    }
  }
  return (node) => {
    const candidates = byName.get((node.title ?? node.id).toLowerCase());
    if (!candidates) {
      return undefined;
    }
    const ns = node.namespace;
    return ns
      ? (candidates.find((s) => s.kubernetes?.namespace === ns) ??
          candidates.find((s) => !s.kubernetes?.namespace && s.namespace === ns) ??
          candidates.find((s) => !s.kubernetes?.namespace))
      : candidates[0];
  };
}

/** Adds owner and team from the catalog to every node that names a service (see `ownerMatcher`). */
export function joinOwners(nodes: FlowNodeInfo[], services: Ownership[]): number {
  const match = ownerMatcher(services);
  let matched = 0;
  for (const node of nodes) {
    const hit = match(node);
    if (hit) {
      node.owner = hit.owner;
      node.team = hit.team ?? hit.owner;
      node.catalogNamespace = hit.namespace ?? DEFAULT_NAMESPACE;
      matched++;
    }
  }
  return matched;
}

/** A run touches the range if it started before its end and had not finished before its start. */
export function activeRuns(runs: ChaosRun[], from: number, to: number): ChaosRun[] {
  return runs.filter((r) => r.start <= to && (r.end === undefined || r.end >= from));
}

const RANK: Record<BlastRole, number> = { target: 3, upstream: 2, downstream: 1 };

/**
 * Marks the blast radius: nodes a run targets, the nodes that call them (upstream, they feel the
 * fault first) and the nodes they call (downstream). A target is matched by workload name,
 * `namespace/name`, or namespace when the graph is grouped by namespace.
 */
export function markBlastRadius(graph: FlowGraph, runs: ChaosRun[]): number {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const mark = (node: FlowNodeInfo | undefined, role: BlastRole, run: string) => {
    if (!node) {
      return;
    }
    if (!node.chaos || RANK[role] > RANK[node.chaos]) {
      node.chaos = role;
    }
    node.chaosRuns = node.chaosRuns?.includes(run) ? node.chaosRuns : [...(node.chaosRuns ?? []), run];
  };
  let targets = 0;
  for (const run of runs) {
    const hit = targetNodes(graph, run);
    const hitIds = new Set(hit.map((n) => n.id));
    targets += hit.length;
    hit.forEach((n) => mark(n, 'target', run.name));
    for (const e of graph.edges) {
      if (hitIds.has(e.target) && !hitIds.has(e.source)) {
        mark(byId.get(e.source), 'upstream', run.name);
      }
      if (hitIds.has(e.source) && !hitIds.has(e.target)) {
        mark(byId.get(e.target), 'downstream', run.name);
      }
    }
  }
  return targets;
}

/** The nodes a run targets. */
export function targetNodes(graph: FlowGraph, run: ChaosRun): FlowNodeInfo[] {
  const wanted = new Set(run.targets.map((t) => t.toLowerCase()));
  return graph.nodes.filter((n) => matchesTarget(n, wanted, run.namespace));
}

function matchesTarget(n: FlowNodeInfo, wanted: Set<string>, runNamespace: string | undefined): boolean {
  const title = (n.title ?? n.id).toLowerCase();
  if (!wanted.has(title) && !wanted.has(n.id.toLowerCase())) {
    return false;
  }
  return !runNamespace || !n.namespace || n.namespace === runNamespace;
}
