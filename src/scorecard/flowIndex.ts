import { FlowGraph } from '../model';
import { ServiceIndex } from './match';

/** What the flow data says about one catalog service. */
export interface FlowFacts {
  observed: boolean;
  /** Catalog services (or, when unknown, raw node names) that call it. */
  callers: string[];
  callees: string[];
  /** Callers the catalog does not know. */
  unknownCallers: string[];
}

/**
 * Folds a flow graph onto catalog services. Node ids may carry a namespace, titles are display
 * names: both are tried. Callers in `ignoredCallers` (Tempo's virtual `user` client) are left out.
 */
export function flowFacts(graph: FlowGraph, index: ServiceIndex, ignoredCallers: string[] = []): Map<string, FlowFacts> {
  const ignored = new Set(ignoredCallers.map((c) => c.toLowerCase()));
  const serviceOfNode = new Map<string, string | undefined>();
  const nameOfNode = new Map<string, string>();
  for (const n of graph.nodes) {
    nameOfNode.set(n.id, n.title ?? n.id);
    serviceOfNode.set(n.id, index.find(n.title ?? n.id) ?? index.find(n.id));
  }
  const facts = new Map<string, FlowFacts>();
  const factsOf = (service: string) => {
    let f = facts.get(service);
    if (!f) {
      f = { observed: true, callers: [], callees: [], unknownCallers: [] };
      facts.set(service, f);
    }
    return f;
  };
  serviceOfNode.forEach((service) => service !== undefined && factsOf(service));
  const add = (list: string[], name: string) => !list.includes(name) && list.push(name);
  for (const e of graph.edges) {
    const from = serviceOfNode.get(e.source);
    const to = serviceOfNode.get(e.target);
    const fromName = from ?? nameOfNode.get(e.source) ?? e.source;
    if (to !== undefined && from !== to && !ignored.has(fromName.toLowerCase())) {
      add(factsOf(to).callers, fromName);
      if (from === undefined) {
        add(factsOf(to).unknownCallers, fromName);
      }
    }
    if (from !== undefined && from !== to) {
      add(factsOf(from).callees, to ?? nameOfNode.get(e.target) ?? e.target);
    }
  }
  return facts;
}
