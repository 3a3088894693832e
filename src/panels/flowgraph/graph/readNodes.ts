import type { DataFrame } from '@grafana/data';
import { NODE_DETAILS, NodeField } from '../../../model';
import type { FlowDataError } from './dataErrors';
import { FrameReader, numericStat, str } from './fields';
import type { MapNode } from './types';

export interface NodeRead {
  nodes: MapNode[];
  index: Map<string, number>;
  errors: FlowDataError[];
}

export function readNodes(frames: DataFrame[]): NodeRead {
  const nodes: MapNode[] = [];
  const index = new Map<string, number>();
  const dups: string[] = [];
  let dupCount = 0;
  const invalid = new Map<string, number>();
  for (const frame of frames) {
    const f = new FrameReader(frame, NODE_DETAILS);
    const [id, title, subtitle, mainStat, secondaryStat, color] = [
      NodeField.id,
      NodeField.title,
      NodeField.subtitle,
      NodeField.mainStat,
      NodeField.secondaryStat,
      NodeField.color,
    ].map((name) => f.field(name));
    // Tempo's service graph has no error share, only the arcs: its failed arc is the same number.
    const arc = f.number(f.field(`${NodeField.arcPrefix}errors`) ?? f.field(`${NodeField.arcPrefix}failed`));
    const main = f.number(numericStat(mainStat));
    const second = f.number(numericStat(secondaryStat));
    for (let row = 0; row < frame.length; row++) {
      const key = str(id, row);
      if (key === undefined) {
        continue;
      }
      if (index.has(key)) {
        dupCount++;
        if (dups.length < 3) {
          dups.push(key);
        }
        continue;
      }
      main.read(row);
      second.read(row);
      index.set(key, nodes.length);
      const node = f.readDetails<MapNode>(
        {
          id: key,
          title: str(title, row) ?? key,
          subtitle: str(subtitle, row),
          mainStat: str(mainStat, row),
          secondaryStat: str(secondaryStat, row),
          color: str(color, row),
          src: { fields: f.details, row },
        },
        row
      );
      node.errorShare ??= arc.read(row);
      nodes.push(node);
    }
    f.countInvalid(invalid);
  }
  const errors: FlowDataError[] = [];
  if (dupCount > 0) {
    errors.push({ kind: 'duplicate-ids', frame: 'nodes', count: dupCount, examples: dups.slice(0, 3) });
  }
  invalid.forEach((count, field) => errors.push({ kind: 'invalid-stats', frame: 'nodes', field, count }));
  return { nodes, index, errors };
}
