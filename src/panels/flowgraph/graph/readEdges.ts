import type { DataFrame } from '@grafana/data';
import { EDGE_DETAILS, EdgeField } from '../../../model';
import type { FlowDataError } from './dataErrors';
import { FrameReader, numericStat, str } from './fields';
import type { MapEdge, MapNode } from './types';

const MAX_EXAMPLES = 3;

/**
 * Grafana's Node Graph passes `strokeDasharray` to the SVG line as is (nodeGraph/Edge.tsx): any
 * dash array draws dashed, while nothing, `none` or all zeros draw solid.
 */
function dashed(v: string | undefined): boolean {
  const t = v?.trim().toLowerCase();
  return t !== undefined && t !== '' && t !== 'none' && !/^[0\s,.]+$/.test(t);
}

export interface EdgeRead {
  edges: MapEdge[];
  errors: FlowDataError[];
}

/**
 * Reads edge frames against the node index. With no nodes frame at all (`deriveNodes`), nodes are
 * made from the edge endpoints, as Grafana's Node Graph does.
 */
export function readEdges(
  frames: DataFrame[],
  nodes: MapNode[],
  index: Map<string, number>,
  deriveNodes: boolean
): EdgeRead {
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  const missing: Array<{ edge: string; side: 'source' | 'target'; id: string }> = [];
  let missingCount = 0;
  const loops: string[] = [];
  let loopCount = 0;
  const dups: string[] = [];
  let dupCount = 0;
  const invalid = new Map<string, number>();
  const endpoint = (id: string): number | undefined => {
    let i = index.get(id);
    if (i === undefined && deriveNodes) {
      i = nodes.length;
      index.set(id, i);
      nodes.push({ id, title: id });
    }
    return i;
  };
  for (const frame of frames) {
    const f = new FrameReader(frame, EDGE_DETAILS);
    const [id, source, target, mainStat, secondaryStat, thickness, color, strokeDasharray] = [
      EdgeField.id,
      EdgeField.source,
      EdgeField.target,
      EdgeField.mainStat,
      EdgeField.secondaryStat,
      EdgeField.thickness,
      EdgeField.color,
      EdgeField.strokeDasharray,
    ].map((name) => f.field(name));
    const main = f.number(numericStat(mainStat));
    const second = f.number(numericStat(secondaryStat));
    const width = f.number(thickness);
    for (let row = 0; row < frame.length; row++) {
      const s = str(source, row);
      const t = str(target, row);
      if (s === undefined || t === undefined) {
        continue;
      }
      const key = str(id, row) ?? `${s}->${t}`;
      if (s === t) {
        if (loops.length < MAX_EXAMPLES) {
          loops.push(key);
        }
        loopCount++;
        continue;
      }
      const si = endpoint(s);
      const ti = endpoint(t);
      if (si === undefined || ti === undefined) {
        if (missing.length < MAX_EXAMPLES) {
          missing.push(si === undefined ? { edge: key, side: 'source', id: s } : { edge: key, side: 'target', id: t });
        }
        missingCount++;
        continue;
      }
      if (seen.has(key)) {
        if (dups.length < MAX_EXAMPLES) {
          dups.push(key);
        }
        dupCount++;
        continue;
      }
      seen.add(key);
      const m = main.read(row);
      second.read(row);
      const edge = f.readDetails<MapEdge>(
        {
          id: key,
          source: si,
          target: ti,
          mainStat: str(mainStat, row),
          secondaryStat: str(secondaryStat, row),
          thickness: width.read(row),
          weight: 0,
          color: str(color, row),
          dashed: dashed(str(strokeDasharray, row)),
          src: { fields: f.details, row },
        },
        row
      );
      edge.weight = edge.bytes ?? m ?? edge.requests ?? edge.flows ?? 0;
      edges.push(edge);
    }
    f.countInvalid(invalid);
  }
  const errors: FlowDataError[] = [];
  if (missingCount > 0) {
    errors.push({ kind: 'missing-endpoints', count: missingCount, examples: missing });
  }
  if (loopCount > 0) {
    errors.push({ kind: 'self-loops', count: loopCount, examples: loops });
  }
  if (dupCount > 0) {
    errors.push({ kind: 'duplicate-ids', frame: 'edges', count: dupCount, examples: dups });
  }
  invalid.forEach((count, field) => errors.push({ kind: 'invalid-stats', frame: 'edges', field, count }));
  return { edges, errors };
}
