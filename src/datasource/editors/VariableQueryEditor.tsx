import React from 'react';
import { InlineField, Input, Select } from '@grafana/ui';
import { FaultlineVariableQuery, VARIABLE_KINDS } from '../types';

export function VariableQueryEditor({
  query,
  onChange,
}: {
  query: FaultlineVariableQuery;
  onChange: (query: FaultlineVariableQuery, definition: string) => void;
}) {
  const q: FaultlineVariableQuery = { ...query, kind: query?.kind ?? 'services' };
  const emit = (next: FaultlineVariableQuery) => onChange(next, `faultline ${next.kind}${next.label ? `(${next.label})` : ''}`);
  return (
    <>
      <InlineField label="Values" labelWidth={16}>
        <Select width={30} options={VARIABLE_KINDS.map((k) => ({ label: k, value: k }))} value={q.kind} onChange={(v) => emit({ ...q, kind: v.value! })} />
      </InlineField>
      {q.kind === 'flowLabelValues' && (
        <InlineField label="Label" labelWidth={16}>
          <Input width={30} defaultValue={q.label} onBlur={(e) => emit({ ...q, label: e.currentTarget.value })} />
        </InlineField>
      )}
      {q.kind === 'services' && (
        <InlineField label="Owner" labelWidth={16} tooltip="Only services of this owner, e.g. $team">
          <Input width={30} defaultValue={q.owner} onBlur={(e) => emit({ ...q, owner: e.currentTarget.value })} />
        </InlineField>
      )}
    </>
  );
}
