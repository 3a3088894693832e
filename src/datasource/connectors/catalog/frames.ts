import { DataFrame, FieldType } from '@grafana/data';
import { FRAME_NAMES, Ownership, OwnershipFieldName as F } from '../../../model';

type Column = [name: string, type: FieldType, get: (o: Ownership) => unknown, displayName?: string];

/**
 * The columns of the `services` and `ownership` frames. Links and contacts ride as the objects
 * themselves (`other` fields, which Grafana's table shows as JSON): the frame never leaves the
 * browser, and writing them as JSON text cost a fifth of mapping 5,000 entities. The ownership
 * panel narrows them again (and still reads JSON text from other tables); it, not the frame,
 * decides what becomes a link.
 */
const COLUMNS: Column[] = [
  [F.service, FieldType.string, (o) => o.service, 'Service'],
  [F.owner, FieldType.string, (o) => o.owner ?? '', 'Owner'],
  [F.team, FieldType.string, (o) => o.team ?? '', 'Team'],
  [F.system, FieldType.string, (o) => o.system ?? '', 'System'],
  [F.tier, FieldType.string, (o) => o.tier ?? '', 'Tier'],
  [F.lifecycle, FieldType.string, (o) => o.lifecycle ?? '', 'Lifecycle'],
  [F.onCall, FieldType.string, (o) => o.onCall?.title ?? '', 'On-call'],
  [F.onCallUrl, FieldType.string, (o) => o.onCall?.url ?? ''],
  [F.chat, FieldType.other, (o) => o.chat ?? null],
  [F.runbook, FieldType.other, (o) => o.runbook ?? null],
  [F.repo, FieldType.other, (o) => o.repo ?? null],
  [F.docs, FieldType.other, (o) => o.docs ?? null],
  [F.namespace, FieldType.string, (o) => o.namespace ?? '', 'Namespace'],
  [F.title, FieldType.string, (o) => o.title ?? ''],
  [F.description, FieldType.string, (o) => o.description ?? '', 'Description'],
  [F.ownerRef, FieldType.string, (o) => o.ownerRef ?? ''],
  [F.contacts, FieldType.other, (o) => o.contacts],
  [F.links, FieldType.other, (o) => o.links],
  [F.tags, FieldType.string, (o) => o.tags.join(', '), 'Tags'],
  [F.missing, FieldType.string, (o) => hints(o), 'Missing'],
  [F.source, FieldType.string, (o) => o.source],
  [F.ref, FieldType.string, (o) => o.ref],
];

/** Columns a Grafana table should not show by default: the ownership panel reads them. */
const HIDDEN = new Set<string>([
  F.onCallUrl,
  F.chat,
  F.runbook,
  F.repo,
  F.docs,
  F.title,
  F.ownerRef,
  F.contacts,
  F.links,
  F.source,
  F.ref,
]);

export function ownershipFrame(services: Ownership[], name: string = FRAME_NAMES.ownership, refId?: string): DataFrame {
  // A plain DataFrame: the values are already typed columns, nothing for createDataFrame to guess.
  return {
    name,
    refId,
    length: services.length,
    meta: { preferredVisualisationType: 'table' },
    fields: COLUMNS.map(([field, type, get, displayName]) => ({
      name: field,
      type,
      values: column(services, get),
      config: { ...(displayName ? { displayName } : {}), ...(HIDDEN.has(field) ? { custom: { hidden: true } } : {}) },
    })),
  };
}

/** One column's values, in an array made at its final length. */
function column(services: Ownership[], get: (o: Ownership) => unknown): unknown[] {
  const values = new Array(services.length);
  for (let i = 0; i < services.length; i++) {
    values[i] = get(services[i]);
  }
  return values;
}

/** The hints of what the entry lacks, one a line. */
function hints(o: Ownership): string {
  let out = '';
  for (const m of o.missing) {
    out += out ? `\n${m.hint}` : m.hint;
  }
  return out;
}
