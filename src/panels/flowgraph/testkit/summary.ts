import { summarize as summarizeEdges } from '../graph/summary';
import type { MapGraph } from '../graph/types';

/** Overlay summary of a test graph with no chaos roles. */
export const summarize = (g: MapGraph) => summarizeEdges(g.edges, []);
