import type { MapGraph } from './types';

/** The toolbar's one-click filters of what is not worth looking at. */
export interface Noise {
  errorsOnly: boolean;
  changedOnly: boolean;
  crossOnly: boolean;
  /** Hide nodes whose traffic is below `floor` (bytes/s, or the stat the data ranks by). */
  floorOn: boolean;
  floor: number;
}

export const NO_NOISE: Noise = { errorsOnly: false, changedOnly: false, crossOnly: false, floorOn: false, floor: 0 };

export function noiseActive(n: Noise): boolean {
  return n.errorsOnly || n.changedOnly || n.crossOnly || n.floorOn;
}

export interface NoiseMask {
  /** 1 where the node may show. */
  nodes: Uint8Array;
  /** 1 where the edge may show; undefined when no edge toggle is on. */
  edges?: Uint8Array;
}

/**
 * Applies the toggles: the edge toggles keep only edges with errors, changed edges (new,
 * vanished, changed against the compare range), or edges crossing zones or clusters, and with
 * them only the nodes such an edge touches; the floor hides quiet nodes. Toggles combine with and.
 */
export function noiseMask(graph: MapGraph, n: Noise): NoiseMask {
  const nodes = new Uint8Array(graph.nodes.length).fill(1);
  if (n.floorOn) {
    graph.nodes.forEach((node, i) => {
      nodes[i] = (node.bytes ?? 0) >= n.floor ? 1 : 0;
    });
  }
  if (!n.errorsOnly && !n.changedOnly && !n.crossOnly) {
    return { nodes };
  }
  const edges = new Uint8Array(graph.edges.length);
  const touched = new Uint8Array(graph.nodes.length);
  graph.edges.forEach((e, k) => {
    const a = graph.nodes[e.source];
    const b = graph.nodes[e.target];
    const keep =
      (!n.errorsOnly || (e.errors ?? 0) > 0 || (e.errorShare ?? 0) > 0) &&
      (!n.changedOnly || (e.diff !== undefined && e.diff !== 'same')) &&
      (!n.crossOnly || e.crossZone === true || (a.cluster !== undefined && a.cluster !== b.cluster));
    if (keep) {
      edges[k] = 1;
      touched[e.source] = 1;
      touched[e.target] = 1;
    }
  });
  for (let i = 0; i < nodes.length; i++) {
    nodes[i] &= touched[i];
  }
  return { nodes, edges };
}
