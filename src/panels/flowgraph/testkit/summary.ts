import { summarize as summarizeEdges } from '../graph/summary';
import type { FlowGraph } from '../graph/types';

/** Overlay summary of a test graph with no chaos roles. */
export const summarize = (g: FlowGraph) => summarizeEdges(g.edges, []);
