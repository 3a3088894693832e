/**
 * The edit view of one annotation (public/app/features/dashboard-scene/settings/annotations/
 * AnnotationSettingsEdit.tsx): its name, its data source, and the data source's query editor
 * hosted by StandardAnnotationQueryEditor only once the data source is loaded and supports
 * annotations. Every change goes to onUpdate, which Grafana's AnnotationsEditView writes to the layer.
 */
import React, { useEffect, useState } from 'react';
import { AnnotationQuery, DataSourceApi, TimeRange } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, Stack } from '@grafana/ui';
import { StandardAnnotationQueryEditor } from './StandardAnnotationQueryEditor';

export interface EditProps {
  annotation: AnnotationQuery;
  /** The dashboard's time range and zone, which Grafana's editor reads from TimeSrv and DashboardSrv. */
  range: TimeRange;
  timezone: string;
  onUpdate: (annotation: AnnotationQuery) => void;
  onBackToList: () => void;
}

export function AnnotationSettingsEdit({ annotation, range, timezone, onUpdate, onBackToList }: EditProps) {
  const [ds, setDs] = useState<DataSourceApi>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    getDataSourceSrv()
      .get(annotation.datasource)
      .then((d) => !cancelled && setDs(d))
      .catch((e) => !cancelled && setError(String(e?.message ?? e)));
    return () => {
      cancelled = true;
    };
  }, [annotation.datasource]);
  const dsi = getDataSourceSrv().getInstanceSettings(annotation.datasource);

  return (
    <div data-testid="preview-annotation-edit">
      <FieldSet style={{ maxWidth: 480 }}>
        <Field label="Name">
          <Input
            data-testid="data-testid Annotations settings name input"
            value={annotation.name}
            onChange={(e) => onUpdate({ ...annotation, name: e.currentTarget.value })}
          />
        </Field>
        <Field label="Data source">
          <Input value={dsi?.name ?? annotation.datasource?.uid ?? ''} readOnly />
        </Field>
        {ds && !ds.meta.annotations && (
          <Alert title="No annotation support for this data source" severity="error">
            The selected data source does not support annotations. Please select a different data source.
          </Alert>
        )}
        {error && <Alert title="The data source could not be loaded">{error}</Alert>}
      </FieldSet>
      <FieldSet>
        <h3>Query</h3>
        {ds?.annotations && dsi && (
          <StandardAnnotationQueryEditor
            datasource={ds}
            datasourceInstanceSettings={dsi}
            annotation={annotation}
            onChange={onUpdate}
            range={range}
            timezone={timezone}
          />
        )}
      </FieldSet>
      <Stack>
        <Button variant="secondary" onClick={onBackToList}>
          Back to list
        </Button>
      </Stack>
    </div>
  );
}
