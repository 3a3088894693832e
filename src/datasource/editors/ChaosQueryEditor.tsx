import React from 'react';
import { InlineField, MultiSelect } from '@grafana/ui';
import { CHAOS_SOURCES, CHAOS_STATUSES } from '../../model';
import type { EditorProps } from '../QueryEditor';
import { ChaosFilter } from '../types';
import { TextFilter } from './TextFilter';

const TEXT_FILTERS: Array<{ key: 'service' | 'namespace' | 'kind' | 'nameRegex' | 'labelSelector'; label: string; placeholder: string }> = [
  { key: 'service', label: 'Service', placeholder: '$service: runs that targeted it' },
  { key: 'namespace', label: 'Namespace', placeholder: 'any' },
  { key: 'kind', label: 'Kind', placeholder: 'PodChaos,NetworkChaos' },
  { key: 'nameRegex', label: 'Name regex', placeholder: '.*' },
  { key: 'labelSelector', label: 'Labels', placeholder: 'team=payments,env!=dev' },
];

export function ChaosFilterEditor({ filter, onChange }: { filter: ChaosFilter; onChange: (f: ChaosFilter) => void }) {
  return (
    <>
      <InlineField label="Sources" labelWidth={16}>
        <MultiSelect
          width={40}
          placeholder="all configured"
          options={CHAOS_SOURCES.map((s) => ({ label: s, value: s }))}
          value={filter.sources ?? []}
          onChange={(v) => onChange({ ...filter, sources: v.map((o) => o.value!) })}
        />
      </InlineField>
      <InlineField label="Status" labelWidth={16}>
        <MultiSelect
          width={40}
          placeholder="any"
          options={CHAOS_STATUSES.map((s) => ({ label: s, value: s }))}
          value={filter.status ?? []}
          onChange={(v) => onChange({ ...filter, status: v.map((o) => o.value!) })}
        />
      </InlineField>
      {TEXT_FILTERS.map((f) => (
        <TextFilter key={f.key} label={f.label} placeholder={f.placeholder} value={filter[f.key]} onCommit={(v) => onChange({ ...filter, [f.key]: v || undefined })} />
      ))}
    </>
  );
}

export function ChaosQueryEditor({ query, onChange, onRunQuery }: EditorProps) {
  return (
    <ChaosFilterEditor
      filter={query.chaos ?? {}}
      onChange={(chaos) => {
        onChange({ ...query, chaos });
        onRunQuery();
      }}
    />
  );
}
