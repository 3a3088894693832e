import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';
import type { EditorProps } from './types';
import { presetEditing } from './PresetField';

const BY_OPTIONS = [
  { value: 'item' as const, label: 'Each gap', description: 'One row per service with its drift and fix' },
  { value: 'team' as const, label: 'Per team', description: 'Counts of each drift per owning team' },
];

/** Catalog drift against the flows of one preset: each gap, or counts per team. */
export function DriftQueryEditor(props: EditorProps) {
  const { query } = props;
  const { commit, presetField } = presetEditing(props);
  return (
    <>
      {presetField}
      <InlineField
        label="Rows"
        labelWidth={16}
        tooltip="Services the flows show and the catalog lacks, silent production services, owners that resolve to nobody"
      >
        <RadioButtonGroup
          options={BY_OPTIONS}
          value={query.drift?.by ?? 'item'}
          onChange={(by) => commit({ ...query, drift: { ...query.drift, by } })}
        />
      </InlineField>
    </>
  );
}
