import React from 'react';
import { InlineField, Input } from '@grafana/ui';

/** One filter input that commits on blur, so a query does not run on every keystroke. */
export function TextFilter({
  label,
  value,
  placeholder,
  tooltip,
  onCommit,
}: {
  label: string;
  value?: string;
  placeholder?: string;
  tooltip?: string;
  onCommit: (value: string) => void;
}) {
  return (
    <InlineField label={label} labelWidth={16} tooltip={tooltip}>
      <Input
        width={40}
        defaultValue={value ?? ''}
        placeholder={placeholder}
        onBlur={(e) => {
          if (e.currentTarget.value !== (value ?? '')) {
            onCommit(e.currentTarget.value);
          }
        }}
      />
    </InlineField>
  );
}
