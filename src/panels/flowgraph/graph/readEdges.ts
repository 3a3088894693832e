import type { DataFrame } from '@grafana/data';
import type { EdgeChangeKind, EdgeDiff } from '../../../model';
import type { FlowDataError } from './dataErrors';
import { detailFields, fieldMap, NumberReader, numericStat, str } from './fields';
import type { FlowEdge, FlowNode } from './types';

const DIFFS = new Set<string>(['new', 'vanished', 'changed', 'same']);
const MAX_EXAMPLES = 3;
const CHANGE = /^(errors|traffic|latency|none)\b/i;

/** The change field carries its reasons after the kind ("errors: error share 0.0% → 40.0%"). */
function parseChange(v: string | undefined): EdgeChangeKind | undefined {
  const m = v ? CHANGE.exec(v.trim()) : null;
  return m ? (m[1].toLowerCase() as EdgeChangeKind) : undefined;
}

function crossZone(v: string | undefined): boolean | undefined {
  if (v === undefined) {
    return undefined;
  }
  return !/^(false|0|no)$/i.test(v.trim());
}

/**
 * Grafana's Node Graph passes `strokeDasharray` to the SVG line as is (nodeGraph/Edge.tsx): any
 * dash array draws dashed, while nothing, `none` or all zeros draw solid.
 */
function dashed(v: string | undefined): boolean {
  const t = v?.trim().toLowerCase();
  return t !== undefined && t !== '' && t !== 'none' && !/^[0\s,.]+$/.test(t);
}

export interface EdgeRead {
  edges: FlowEdge[];
  errors: FlowDataError[];
}

/**
 * Reads edge frames against the node index. With no nodes frame at all (`deriveNodes`), nodes are
 * made from the edge endpoints, as Grafana's Node Graph does.
 */
export function readEdges(
  frames: DataFrame[],
  nodes: FlowNode[],
  index: Map<string, number>,
  deriveNodes: boolean
): EdgeRead {
  const edges: FlowEdge[] = [];
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
    const f = fieldMap(frame);
    const details = detailFields(frame);
    const nums = {
      main: new NumberReader(numericStat(f.get('mainstat'))),
      second: new NumberReader(numericStat(f.get('secondarystat'))),
      thickness: new NumberReader(f.get('thickness')),
      bytes: new NumberReader(f.get('detail__bytes')),
      requests: new NumberReader(f.get('detail__requests')),
      errors: new NumberReader(f.get('detail__errors')),
      share: new NumberReader(f.get('detail__error_share')),
      cost: new NumberReader(f.get('detail__cost')),
      flows: new NumberReader(f.get('detail__flows')),
    };
    for (let row = 0; row < frame.length; row++) {
      const s = str(f.get('source'), row);
      const t = str(f.get('target'), row);
      if (s === undefined || t === undefined) {
        continue;
      }
      const id = str(f.get('id'), row) ?? `${s}->${t}`;
      if (s === t) {
        if (loops.length < MAX_EXAMPLES) {
          loops.push(id);
        }
        loopCount++;
        continue;
      }
      const si = endpoint(s);
      const ti = endpoint(t);
      if (si === undefined || ti === undefined) {
        if (missing.length < MAX_EXAMPLES) {
          missing.push(si === undefined ? { edge: id, side: 'source', id: s } : { edge: id, side: 'target', id: t });
        }
        missingCount++;
        continue;
      }
      if (seen.has(id)) {
        if (dups.length < MAX_EXAMPLES) {
          dups.push(id);
        }
        dupCount++;
        continue;
      }
      seen.add(id);
      const main = nums.main.read(row);
      nums.second.read(row);
      const bytes = nums.bytes.read(row);
      const diff = str(f.get('detail__diff'), row)?.toLowerCase();
      edges.push({
        id,
        source: si,
        target: ti,
        mainStat: str(f.get('mainstat'), row),
        secondaryStat: str(f.get('secondarystat'), row),
        thickness: nums.thickness.read(row),
        weight: bytes ?? main ?? nums.requests.read(row) ?? nums.flows.read(row) ?? 0,
        color: str(f.get('color'), row),
        bytes,
        requests: nums.requests.read(row),
        errors: nums.errors.read(row),
        errorShare: nums.share.read(row),
        cost: nums.cost.read(row),
        crossZone: crossZone(str(f.get('detail__cross_zone'), row)),
        diff: diff && DIFFS.has(diff) ? (diff as EdgeDiff) : undefined,
        change: parseChange(str(f.get('detail__impact_change'), row)),
        dashed: dashed(str(f.get('strokedasharray'), row)),
        src: { fields: details, row },
      });
    }
    for (const r of Object.values(nums)) {
      if (r.invalid > 0 && r.field) {
        invalid.set(r.field.name, (invalid.get(r.field.name) ?? 0) + r.invalid);
      }
    }
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
