import { FlowEdge, FlowGraph } from '../../../model';
import { edgeKey } from './mapper';
import { Measure } from './presets';

/** The edge rate the diff compares: the preset's primary measure. */
export function primaryRate(edge: FlowEdge, primary: Measure): number {
  switch (primary) {
    case 'bytes':
      return edge.bytesRate ?? 0;
    case 'flows':
      return edge.flowRate ?? 0;
    default:
      return edge.requestRate ?? 0;
  }
}

/**
 * Compares the range with an earlier one: edges only now are `new`, edges only then are added
 * back as `vanished` (with zero traffic), and edges whose main rate moved by more than
 * `threshold` (0.5 = 50 %) either way are `changed`.
 */
export function diffGraphs(
  current: FlowGraph,
  previous: FlowGraph,
  primary: Measure,
  threshold: number
): { new: number; vanished: number; changed: number } {
  const before = new Map(previous.edges.map((e) => [edgeKey(e.source, e.target), e]));
  const counts = { new: 0, vanished: 0, changed: 0 };
  for (const e of current.edges) {
    const key = edgeKey(e.source, e.target);
    const old = before.get(key);
    before.delete(key);
    const now = primaryRate(e, primary);
    if (!old) {
      e.diff = 'new';
      counts.new++;
      continue;
    }
    const then = primaryRate(old, primary);
    e.previousRate = then;
    const change = then === 0 ? (now === 0 ? 0 : Infinity) : Math.abs(now - then) / then;
    e.diff = change > threshold ? 'changed' : 'same';
    counts.changed += e.diff === 'changed' ? 1 : 0;
  }
  const known = new Set(current.nodes.map((n) => n.id));
  const oldNodes = new Map(previous.nodes.map((n) => [n.id, n]));
  for (const old of before.values()) {
    current.edges.push({
      source: old.source,
      target: old.target,
      diff: 'vanished',
      previousRate: primaryRate(old, primary),
      sourceZone: old.sourceZone,
      targetZone: old.targetZone,
    });
    counts.vanished++;
    for (const id of [old.source, old.target]) {
      if (!known.has(id)) {
        known.add(id);
        current.nodes.push({ ...(oldNodes.get(id) ?? { id }) });
      }
    }
  }
  return counts;
}
