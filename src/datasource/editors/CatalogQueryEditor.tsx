import React from 'react';
import type { EditorProps } from './types';
import { CatalogFilter } from '../types';
import { TextFilter } from './TextFilter';

interface FilterSpec {
  key: keyof CatalogFilter;
  label: string;
  placeholder: string;
  tooltip: string;
}

const MULTI = 'Several values: comma-separated, or a multi-value variable.';

const FILTERS: FilterSpec[] = [
  {
    key: 'service',
    label: 'Service',
    placeholder: 'any, or $service',
    tooltip: `Service name, namespace/name or catalog ref. ${MULTI}`,
  },
  {
    key: 'owner',
    label: 'Owner / team',
    placeholder: 'any, or $team',
    tooltip: `Team slug (team-payments), display name or owner ref (group:default/team-payments). ${MULTI}`,
  },
  { key: 'system', label: 'System', placeholder: 'any', tooltip: MULTI },
  { key: 'tier', label: 'Tier', placeholder: 'any', tooltip: `From the configured tier label or annotation. ${MULTI}` },
  { key: 'lifecycle', label: 'Lifecycle', placeholder: 'any, e.g. production', tooltip: MULTI },
  { key: 'namespace', label: 'Namespace', placeholder: 'any', tooltip: MULTI },
];

/** Ownership queries default to the dashboard's `$service`; say so instead of showing an empty box. */
const OWNERSHIP_SERVICE: FilterSpec = { ...FILTERS[0], placeholder: '$service (default)' };

export function CatalogQueryEditor({ query, onChange, onRunQuery }: EditorProps) {
  const set = (key: keyof CatalogFilter, value: string) => {
    onChange({ ...query, catalog: { ...query.catalog, [key]: value.trim() || undefined } });
    onRunQuery();
  };
  const filters = query.queryType === 'ownership' ? [OWNERSHIP_SERVICE, ...FILTERS.slice(1)] : FILTERS;
  return (
    <>
      {filters.map((f) => (
        <TextFilter
          key={f.key}
          label={f.label}
          placeholder={f.placeholder}
          tooltip={f.tooltip}
          value={query.catalog?.[f.key]}
          onCommit={(v) => set(f.key, v)}
        />
      ))}
    </>
  );
}
