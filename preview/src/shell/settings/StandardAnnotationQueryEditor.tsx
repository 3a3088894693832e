/**
 * Grafana 12's annotation query editor, wired as Grafana wires it
 * (public/app/features/annotations/components/StandardAnnotationQueryEditor.tsx): on mount, and
 * whenever the annotation prop is a new object, it calls the data source's prepareAnnotation; a
 * result that is not the same object goes to onChange (and comes back as a new prop, so it is
 * prepared again), the same object runs the query and shows "N events (from M fields)". The field
 * mapping table Grafana shows below the result is not reproduced.
 */
import React, { PureComponent } from 'react';
import { lastValueFrom } from 'rxjs';
import {
  AnnotationQuery,
  DataQuery,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePluginContextProvider,
  LoadingState,
  TimeRange,
} from '@grafana/data';
import { Alert, AlertVariant, Button, Space, Spinner } from '@grafana/ui';
import { AnnotationQueryResponse, executeAnnotationQuery } from './executeAnnotationQuery';
import { shouldUseLegacyRunner, shouldUseMappingUI, standardAnnotationSupport } from './standardAnnotationSupport';

/** What the editor did, for people and tests checking that it settles (window.faultlinePreview). */
export const annotationEditorCounts = { prepareAnnotation: 0, onChange: 0, queries: 0 };

export interface Props {
  datasource: DataSourceApi;
  datasourceInstanceSettings: DataSourceInstanceSettings;
  annotation: AnnotationQuery<DataQuery>;
  onChange: (annotation: AnnotationQuery<DataQuery>) => void;
  /** The dashboard's time range and zone, which Grafana reads from its TimeSrv and DashboardSrv. */
  range: TimeRange;
  timezone: string;
}

interface State {
  running?: boolean;
  response?: AnnotationQueryResponse;
}

function severityOf({ events, panelData }: AnnotationQueryResponse): AlertVariant {
  if (panelData?.errors || panelData?.error) {
    return 'error';
  }
  return events?.length ? 'success' : 'warning';
}

function StatusText({ response, running }: { response: AnnotationQueryResponse; running?: boolean }) {
  const { events, panelData } = response;
  if (running || panelData?.state === LoadingState.Loading) {
    return <p>loading...</p>;
  }
  if (panelData?.errors) {
    return (
      <>
        {panelData.errors.map((e, i) => (
          <p key={i}>{e.message}</p>
        ))}
      </>
    );
  }
  if (panelData?.error) {
    return <p>{panelData.error.message ?? 'There was an error fetching data'}</p>;
  }
  if (!events?.length) {
    return <p>No events found</p>;
  }
  const frame = panelData?.series?.[0] ?? panelData?.annotations?.[0];
  return (
    <p>
      {events.length} events (from {frame?.fields.length} fields)
    </p>
  );
}

export class StandardAnnotationQueryEditor extends PureComponent<Props, State> {
  state: State = {};

  componentDidMount() {
    this.verifyDataSource();
  }

  componentDidUpdate(oldProps: Props) {
    if (this.props.annotation !== oldProps.annotation && !shouldUseLegacyRunner(this.props.datasource)) {
      this.verifyDataSource();
    }
  }

  private change(annotation: AnnotationQuery<DataQuery>) {
    annotationEditorCounts.onChange++;
    this.props.onChange(annotation);
  }

  verifyDataSource() {
    const { datasource, annotation } = this.props;
    const processor = { ...standardAnnotationSupport, ...datasource.annotations };
    annotationEditorCounts.prepareAnnotation++;
    const fixed = processor.prepareAnnotation!(annotation);
    if (fixed !== annotation) {
      this.change(fixed);
    } else {
      this.onRunQuery();
    }
  }

  onRunQuery = async () => {
    const { datasource, annotation, range, timezone } = this.props;
    if (shouldUseLegacyRunner(datasource)) {
      return;
    }
    annotationEditorCounts.queries++;
    this.setState({ running: true });
    const response = await lastValueFrom(executeAnnotationQuery(range, timezone, datasource, annotation));
    this.setState({ running: false, response });
  };

  onQueryChange = (target: DataQuery) => this.change({ ...this.props.annotation, target });

  onAnnotationChange = (annotation: AnnotationQuery) => this.change(annotation);

  renderStatus() {
    const { response, running } = this.state;
    if (!response) {
      return null;
    }
    return (
      <>
        <Space v={2} />
        <div>
          {running ? (
            <Spinner />
          ) : (
            <Button
              data-testid="data-testid annotations-test-button"
              variant="secondary"
              size="xs"
              onClick={this.onRunQuery}
            >
              Test annotation query
            </Button>
          )}
        </div>
        <Space v={2} layout="block" />
        <Alert
          data-testid="data-testid annotations-query-result-container"
          severity={severityOf(response)}
          title="Query result"
        >
          <StatusText response={response} running={running} />
        </Alert>
      </>
    );
  }

  render() {
    const { datasource, annotation, datasourceInstanceSettings, range } = this.props;
    const QueryEditor = datasource.annotations?.QueryEditor || datasource.components?.QueryEditor;
    if (!QueryEditor) {
      return <div>Annotations are not supported. This datasource needs to export a QueryEditor</div>;
    }
    const query = { ...datasource.annotations?.getDefaultQuery?.(), ...(annotation.target ?? { refId: 'Anno' }) };
    return (
      <>
        <DataSourcePluginContextProvider instanceSettings={datasourceInstanceSettings}>
          <QueryEditor
            key={datasource?.name}
            query={query}
            datasource={datasource}
            onChange={this.onQueryChange}
            onRunQuery={this.onRunQuery}
            data={this.state.response?.panelData}
            range={range}
            annotation={annotation}
            onAnnotationChange={this.onAnnotationChange}
          />
        </DataSourcePluginContextProvider>
        {shouldUseMappingUI(datasource) && this.renderStatus()}
      </>
    );
  }
}
