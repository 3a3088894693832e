/**
 * Grafana's annotation settings flow (edit view → StandardAnnotationQueryEditor → the data source's
 * own annotation editor) with the real Faultline data source: the editor must settle, i.e. call
 * prepareAnnotation and onChange a bounded number of times and then run the query and show it.
 */
import React, { useState } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AnnotationQuery, DataSourceInstanceSettings, dateTime } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setRunRequest } from '@grafana/runtime';
import { FaultlineDataSource } from '../../../../src/datasource/datasource';
import { FaultlineOptions } from '../../../../src/datasource/types';
import { runRequest } from '../runRequest';
import { AnnotationSettingsEdit } from './AnnotationSettingsEdit';
import { annotationEditorCounts } from './StandardAnnotationQueryEditor';

// jsdom has no canvas; the combobox of the editor measures its option labels with one.
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(
      () => ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' }) as unknown as CanvasRenderingContext2D
    );
});

// No chaos backend is configured, so the query answers at once with no runs: the flow is under test.
const settings = {
  id: 1,
  uid: 'faultline-demo',
  type: 'faultline-datasource',
  name: 'Faultline',
  jsonData: {},
  url: '/api/datasources/proxy/uid/faultline-demo',
  meta: { id: 'faultline-datasource', annotations: true },
} as unknown as DataSourceInstanceSettings<FaultlineOptions>;
const datasource = new FaultlineDataSource(settings);

setRunRequest(runRequest);
setDataSourceSrv({
  get: async () => datasource,
  getInstanceSettings: () => settings,
  getList: () => [settings],
} as unknown as DataSourceSrv);

const now = Date.now();
const range = { from: dateTime(now - 6 * 3600_000), to: dateTime(now), raw: { from: 'now-6h', to: 'now' } };

function Host({ initial, onUpdate }: { initial: AnnotationQuery; onUpdate: (a: AnnotationQuery) => void }) {
  const [annotation, setAnnotation] = useState(initial);
  return (
    <AnnotationSettingsEdit
      annotation={annotation}
      range={range}
      timezone="utc"
      onUpdate={(a) => {
        onUpdate(a);
        setAnnotation(a);
      }}
      onBackToList={() => undefined}
    />
  );
}

const counts = () => ({ ...annotationEditorCounts });
const delta = (before: typeof annotationEditorCounts) => ({
  prepareAnnotation: annotationEditorCounts.prepareAnnotation - before.prepareAnnotation,
  onChange: annotationEditorCounts.onChange - before.onChange,
  queries: annotationEditorCounts.queries - before.queries,
});

const base = {
  name: 'Chaos runs',
  enable: true,
  iconColor: 'orange',
  datasource: { type: 'faultline-datasource', uid: 'faultline-demo' },
};

async function queryResult() {
  const alert = await screen.findByTestId('data-testid annotations-query-result-container', {}, { timeout: 10000 });
  return within(alert).findByText(/No events found|events \(from \d+ fields\)/, {}, { timeout: 10000 });
}

describe('the annotation settings editor with the Faultline data source', () => {
  it('settles on the shipped "Chaos runs" annotation and after an edited field', async () => {
    const updates: AnnotationQuery[] = [];
    const before = counts();
    render(
      <Host
        initial={
          {
            ...base,
            target: { refId: 'Anno', queryType: 'experiments', chaos: { service: '$service' } },
          } as AnnotationQuery
        }
        onUpdate={(a) => updates.push(a)}
      />
    );
    await queryResult();
    // In shape already: prepared once, no change, the query runs.
    expect(delta(before)).toEqual({ prepareAnnotation: 1, onChange: 0, queries: 1 });

    const edit = counts();
    const service = screen.getByPlaceholderText('$service: runs that targeted it');
    fireEvent.blur(service, { target: { value: 'payments' } });
    await queryResult();
    // The edit is one change; preparing the changed annotation returns it as it is, and the query runs.
    expect(delta(edit)).toEqual({ prepareAnnotation: 1, onChange: 1, queries: 1 });
    expect(updates.at(-1)?.target).toMatchObject({
      refId: 'Anno',
      queryType: 'experiments',
      chaos: { service: 'payments' },
    });
  });

  it('migrates an annotation saved without a target once, then runs it', async () => {
    const updates: AnnotationQuery[] = [];
    const before = counts();
    render(<Host initial={base as AnnotationQuery} onUpdate={(a) => updates.push(a)} />);
    await queryResult();
    expect(delta(before)).toEqual({ prepareAnnotation: 2, onChange: 1, queries: 1 });
    expect(updates).toHaveLength(1);
    expect(updates[0].target).toMatchObject({
      refId: 'Anno',
      queryType: 'experiments',
      chaos: { service: '$service' },
    });
  });
});
