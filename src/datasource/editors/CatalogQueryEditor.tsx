import React from 'react';
import type { EditorProps } from '../QueryEditor';
import { CatalogFilter } from '../types';
import { TextFilter } from './TextFilter';

const FILTERS: Array<{ key: keyof CatalogFilter; label: string; placeholder: string }> = [
  { key: 'service', label: 'Service', placeholder: '$service, or name,name' },
  { key: 'owner', label: 'Owner', placeholder: '$team' },
  { key: 'system', label: 'System', placeholder: 'any' },
  { key: 'tier', label: 'Tier', placeholder: 'any' },
  { key: 'lifecycle', label: 'Lifecycle', placeholder: 'production' },
  { key: 'namespace', label: 'Namespace', placeholder: 'any' },
];

export function CatalogQueryEditor({ query, onChange, onRunQuery }: EditorProps) {
  const set = (key: keyof CatalogFilter, value: string) => {
    onChange({ ...query, catalog: { ...query.catalog, [key]: value || undefined } });
    onRunQuery();
  };
  return (
    <>
      {FILTERS.map((f) => (
        <TextFilter key={f.key} label={f.label} placeholder={f.placeholder} value={query.catalog?.[f.key]} onCommit={(v) => set(f.key, v)} />
      ))}
    </>
  );
}
