import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { FRAME_NAMES } from '../../model';
import { PLUGIN_BASE_URL } from '../../constants';
import { DriftItem, driftByTeam } from './drift';

const SERVICE_PAGE = `${PLUGIN_BASE_URL}/service/\${__data.fields.namespace}/\${__value.raw}`;

export function driftFrame(items: DriftItem[], refId?: string): DataFrame {
  return createDataFrame({
    name: FRAME_NAMES.drift,
    refId,
    fields: [
      {
        name: 'service',
        type: FieldType.string,
        values: items.map((i) => i.service),
        config: { links: [{ title: 'Service page', url: SERVICE_PAGE }] },
      },
      { name: 'namespace', type: FieldType.string, values: items.map((i) => i.namespace ?? 'default') },
      { name: 'drift', type: FieldType.string, values: items.map((i) => i.kind) },
      { name: 'team', type: FieldType.string, values: items.map((i) => i.team ?? '') },
      { name: 'fix', type: FieldType.string, values: items.map((i) => i.fix) },
    ],
  });
}

export function driftTeamFrame(items: DriftItem[], refId?: string): DataFrame {
  const rows = driftByTeam(items);
  return createDataFrame({
    name: FRAME_NAMES.drift,
    refId,
    fields: [
      { name: 'team', type: FieldType.string, values: rows.map((r) => r.team) },
      { name: 'not in catalog', type: FieldType.number, values: rows.map((r) => r.uncatalogued) },
      { name: 'no traffic', type: FieldType.number, values: rows.map((r) => r.silent) },
      { name: 'no owner', type: FieldType.number, values: rows.map((r) => r.unowned) },
    ],
  });
}
