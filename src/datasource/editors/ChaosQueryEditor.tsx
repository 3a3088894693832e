import React from 'react';
import { AnnotationSupport } from '@grafana/data';
import { InlineField, MultiCombobox, Text } from '@grafana/ui';
import { CHAOS_STATUSES, ChaosSource, ChaosStatus } from '../../model';
import { CHAOS_BACKENDS } from '../connectors/chaos/backends';
import { DEFAULT_ANNOTATION_TARGET } from '../connectors/chaos/annotationQuery';
import type { EditorProps } from './types';
import { ChaosFilter, FaultlineQuery } from '../types';
import { TextFilter } from './TextFilter';

const TEXT_FILTERS: Array<{
  key: 'service' | 'namespace' | 'kind' | 'nameRegex' | 'labelSelector';
  label: string;
  placeholder: string;
  tooltip: string;
}> = [
  {
    key: 'service',
    label: 'Service',
    placeholder: '$service: runs that targeted it',
    tooltip:
      'Runs whose targets include one of these services (pods of the workload count). A variable the dashboard lacks filters nothing.',
  },
  {
    key: 'namespace',
    label: 'Namespace',
    placeholder: 'any',
    tooltip: 'One or more namespaces, comma-separated or a multi-value variable.',
  },
  {
    key: 'kind',
    label: 'Kind',
    placeholder: 'PodChaos,NetworkChaos',
    tooltip: 'Fault kinds, case-insensitive: PodChaos, pod-delete, latency…',
  },
  {
    key: 'nameRegex',
    label: 'Name regex',
    placeholder: '.*',
    tooltip: 'A JavaScript regular expression tested against the run name.',
  },
  {
    key: 'labelSelector',
    label: 'Labels',
    placeholder: 'team=payments,env!=dev',
    tooltip: 'A Kubernetes label selector: key=value, key!=value, key in (a,b), key notin (a,b), key, !key.',
  },
];

export function ChaosFilterEditor({ filter, onChange }: { filter: ChaosFilter; onChange: (f: ChaosFilter) => void }) {
  return (
    <>
      <InlineField
        label="Sources"
        labelWidth={16}
        tooltip="Chaos backends to read; empty reads every configured one. A variable such as $source works too."
      >
        <MultiCombobox
          width={40}
          placeholder="all configured"
          createCustomValue
          options={Object.values(CHAOS_BACKENDS).map((b) => ({ label: b.name, value: b.source }))}
          value={filter.sources ?? []}
          onChange={(v) => onChange({ ...filter, sources: v.map((o) => o.value as ChaosSource) })}
        />
      </InlineField>
      <InlineField
        label="Status"
        labelWidth={16}
        tooltip="Run statuses to show; empty shows all. A variable such as $status works too."
      >
        <MultiCombobox
          width={40}
          placeholder="any"
          createCustomValue
          options={CHAOS_STATUSES.map((s) => ({ label: s, value: s }))}
          value={filter.status ?? []}
          onChange={(v) => onChange({ ...filter, status: v.map((o) => o.value as ChaosStatus) })}
        />
      </InlineField>
      {TEXT_FILTERS.map((f) => (
        <TextFilter
          key={f.key}
          label={f.label}
          placeholder={f.placeholder}
          tooltip={f.tooltip}
          value={filter[f.key]}
          onCommit={(v) => onChange({ ...filter, [f.key]: v || undefined })}
        />
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

/** Grafana does not export the props type of an annotation editor: take it from AnnotationSupport. */
type AnnotationEditorProps = React.ComponentProps<NonNullable<AnnotationSupport<FaultlineQuery>['QueryEditor']>>;

/** The annotation editor: the same filters, starting from the default that needs no editing. */
export function ChaosAnnotationEditor({ query, onChange }: AnnotationEditorProps) {
  const filter = query?.chaos ?? DEFAULT_ANNOTATION_TARGET.chaos ?? {};
  return (
    <>
      <Text element="p" color="secondary">
        One region per chaos run, from injection to recovery, coloured by outcome: failed or deviated red, succeeded
        green, running amber, aborted grey.
      </Text>
      <ChaosFilterEditor
        filter={filter}
        onChange={(chaos) => onChange({ ...DEFAULT_ANNOTATION_TARGET, ...query, chaos } as FaultlineQuery)}
      />
    </>
  );
}
