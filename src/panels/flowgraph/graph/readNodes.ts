import type { DataFrame } from '@grafana/data';
import type { BlastRole, ImpactLevel } from '../../../model';
import type { FlowDataError } from './dataErrors';
import { detailFields, fieldMap, NumberReader, numericStat, str } from './fields';
import type { FlowNode } from './types';

const ROLE = /^(target|upstream|downstream)\b/i;

/** The chaos field may carry run names after the role ("target: pod-kill-1"). */
export function parseRole(v: string | undefined): BlastRole | undefined {
  const m = v ? ROLE.exec(v.trim()) : null;
  return m ? (m[1].toLowerCase() as BlastRole) : undefined;
}

const IMPACT = /^(unaffected|degraded|broken|unknown)\b/i;

/** The impact field carries its reasons after the level ("degraded: p95 latency 50 ms → 156 ms"). */
export function parseImpact(v: string | undefined): ImpactLevel | undefined {
  const m = v ? IMPACT.exec(v.trim()) : null;
  return m ? (m[1].toLowerCase() as ImpactLevel) : undefined;
}

export interface NodeRead {
  nodes: FlowNode[];
  index: Map<string, number>;
  errors: FlowDataError[];
}

export function readNodes(frames: DataFrame[]): NodeRead {
  const nodes: FlowNode[] = [];
  const index = new Map<string, number>();
  const dups: string[] = [];
  let dupCount = 0;
  const invalid = new Map<string, number>();
  for (const frame of frames) {
    const f = fieldMap(frame);
    const details = detailFields(frame);
    const nums = {
      share: new NumberReader(f.get('detail__error_share')),
      arc: new NumberReader(f.get('arc__errors') ?? f.get('arc__failed')),
      bytes: new NumberReader(f.get('detail__bytes')),
      errors: new NumberReader(f.get('detail__errors')),
      cost: new NumberReader(f.get('detail__cost')),
      main: new NumberReader(numericStat(f.get('mainstat'))),
      second: new NumberReader(numericStat(f.get('secondarystat'))),
    };
    for (let row = 0; row < frame.length; row++) {
      const id = str(f.get('id'), row);
      if (id === undefined) {
        continue;
      }
      if (index.has(id)) {
        dupCount++;
        if (dups.length < 3) {
          dups.push(id);
        }
        continue;
      }
      nums.main.read(row);
      nums.second.read(row);
      index.set(id, nodes.length);
      nodes.push({
        id,
        title: str(f.get('title'), row) ?? id,
        subtitle: str(f.get('subtitle'), row),
        mainStat: str(f.get('mainstat'), row),
        secondaryStat: str(f.get('secondarystat'), row),
        color: str(f.get('color'), row),
        team: str(f.get('detail__team'), row),
        catalogNamespace: str(f.get('detail__catalog_namespace'), row),
        owner: str(f.get('detail__owner'), row),
        namespace: str(f.get('detail__namespace'), row),
        zone: str(f.get('detail__zone'), row),
        cluster: str(f.get('detail__cluster'), row),
        system: str(f.get('detail__system'), row),
        chaos: parseRole(str(f.get('detail__chaos'), row)),
        impact: parseImpact(str(f.get('detail__impact'), row)),
        errorShare: nums.share.read(row) ?? nums.arc.read(row),
        bytes: nums.bytes.read(row),
        errors: nums.errors.read(row),
        cost: nums.cost.read(row),
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
  if (dupCount > 0) {
    errors.push({ kind: 'duplicate-ids', frame: 'nodes', count: dupCount, examples: dups.slice(0, 3) });
  }
  invalid.forEach((count, field) => errors.push({ kind: 'invalid-stats', frame: 'nodes', field, count }));
  return { nodes, index, errors };
}
