import React, { ComponentType } from 'react';
import { Field, Select } from '@grafana/ui';
import { CatalogQueryEditor } from './editors/CatalogQueryEditor';
import { ChaosQueryEditor } from './editors/ChaosQueryEditor';
import { DriftQueryEditor } from './editors/DriftQueryEditor';
import { FlowQueryEditor } from './editors/FlowQueryEditor';
import { ImpactQueryEditor } from './editors/ImpactQueryEditor';
import { EditorProps } from './editors/types';
import { QUERY_TYPE_LABELS, QUERY_TYPES, QueryType } from './types';

/** A Record, so a query type without an editor is a compile error. */
const EDITORS: Record<QueryType, ComponentType<EditorProps>> = {
  services: CatalogQueryEditor,
  ownership: CatalogQueryEditor,
  scorecard: CatalogQueryEditor,
  experiments: ChaosQueryEditor,
  timeline: ChaosQueryEditor,
  flows: FlowQueryEditor,
  clusters: FlowQueryEditor,
  impact: ImpactQueryEditor,
  drift: DriftQueryEditor,
};

const TYPE_OPTIONS = QUERY_TYPES.map((value) => ({ value, ...QUERY_TYPE_LABELS[value] }));

export function QueryEditor(props: EditorProps) {
  const queryType = props.query.queryType ?? 'services';
  const Editor = EDITORS[queryType];
  return (
    <>
      <Field label="Query type">
        <Select
          inputId="faultline-query-type"
          width={40}
          options={TYPE_OPTIONS}
          value={queryType}
          onChange={(v) => {
            props.onChange({ ...props.query, queryType: v.value });
            props.onRunQuery();
          }}
        />
      </Field>
      <Editor {...props} />
    </>
  );
}
