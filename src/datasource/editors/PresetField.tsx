import React from 'react';
import { Combobox, InlineField } from '@grafana/ui';
import { presetOptions } from '../connectors/flow/presets';
import type { EditorProps } from './types';
import { DEFAULT_FLOW_QUERY, FaultlineQuery, FlowPreset } from '../types';

const PRESET_OPTIONS = presetOptions();

/** The flow preset, for every query type that reads flows. */
export function PresetField({ preset, onChange }: { preset: string; onChange: (preset: FlowPreset) => void }) {
  // A dashboard variable (`$preset`) is a valid preset too: keep it selectable.
  const options = PRESET_OPTIONS.some((o) => o.value === preset)
    ? PRESET_OPTIONS
    : [...PRESET_OPTIONS, { value: preset, label: preset, description: 'template variable' }];
  return (
    <InlineField label="Preset" labelWidth={16}>
      <Combobox
        width={40}
        options={options}
        value={preset}
        createCustomValue
        onChange={(v) => onChange(v.value as FlowPreset)}
      />
    </InlineField>
  );
}

/**
 * For the editors of query types that read flows: a commit that also runs the query, and the
 * preset field writing into the query's flows.
 */
export function presetEditing({ query, onChange, onRunQuery }: EditorProps) {
  const commit = (q: FaultlineQuery) => {
    onChange(q);
    onRunQuery();
  };
  const flows = { ...DEFAULT_FLOW_QUERY, ...query.flows };
  const presetField = (
    <PresetField preset={flows.preset} onChange={(preset) => commit({ ...query, flows: { ...flows, preset } })} />
  );
  return { commit, presetField };
}
