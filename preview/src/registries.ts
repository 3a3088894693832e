/**
 * Grafana core fills the option-editor registries at start-up (public/app/core/components/OptionsUI).
 * PanelPlugin option builders and field-config processing look editors up by id, so the preview
 * registers the same ids. The preview has no panel editor, so each editor is a read-only stand-in;
 * the field-config `process` functions are @grafana/data's own, so values are processed exactly as
 * in Grafana.
 */
import React from 'react';
import {
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldColorModeId,
  FieldConfigPropertyItem,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  ThresholdsMode,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
  type FieldOverrideContext,
} from '@grafana/data';

const ReadOnlyEditor = ({ value }: { value: unknown }) =>
  React.createElement('code', { 'data-testid': 'preview-readonly-option' }, JSON.stringify(value ?? null));

const EDITOR_IDS = [
  'text', 'number', 'slider', 'boolean', 'radio', 'select', 'multi-select', 'unit', 'color', 'field-name',
  'strings', 'timezone', 'dashboard-uid', 'links', 'actions', 'mappings', 'thresholds', 'fieldColor',
  'stats-picker', 'interval', 'filterable', 'data-links',
];

// Each @grafana/data processor types its own settings; the registry stores them side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Processor = (value: any, context: FieldOverrideContext, settings?: any) => unknown;

function fieldConfig(
  id: string,
  process: Processor,
  extra: Partial<FieldConfigPropertyItem> = {}
): FieldConfigPropertyItem {
  return {
    id,
    path: id,
    name: id,
    editor: ReadOnlyEditor,
    override: ReadOnlyEditor,
    process,
    settings: {},
    shouldApply: () => true,
    ...extra,
  } as FieldConfigPropertyItem;
}

const isNumber = (f: { type: FieldType }) => f.type === FieldType.number;

export function registerOptionEditors(): void {
  standardEditorsRegistry.setInit(() => EDITOR_IDS.map((id) => ({ id, name: id, editor: ReadOnlyEditor })));
  standardFieldConfigEditorRegistry.setInit(() => [
    fieldConfig('displayName', displayNameOverrideProcessor),
    fieldConfig('unit', unitOverrideProcessor),
    fieldConfig('fieldMinMax', booleanOverrideProcessor, { shouldApply: isNumber }),
    fieldConfig('min', numberOverrideProcessor, { shouldApply: isNumber }),
    fieldConfig('max', numberOverrideProcessor, { shouldApply: isNumber }),
    fieldConfig('decimals', numberOverrideProcessor, { shouldApply: isNumber }),
    fieldConfig('noValue', stringOverrideProcessor),
    fieldConfig('links', dataLinksOverrideProcessor, { defaultValue: [] }),
    fieldConfig('mappings', valueMappingsOverrideProcessor, { defaultValue: [] }),
    fieldConfig('thresholds', thresholdsOverrideProcessor, {
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
    }),
    fieldConfig('color', identityOverrideProcessor, { defaultValue: { mode: FieldColorModeId.Thresholds } }),
    fieldConfig('filterable', booleanOverrideProcessor),
  ]);
}
