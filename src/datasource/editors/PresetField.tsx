import React from 'react';
import { Combobox, InlineField } from '@grafana/ui';
import { presetOptions } from '../connectors/flow/presets';
import { FlowPreset } from '../types';

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
