import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { ChaosAnnotationEditor, ChaosQueryEditor } from './ChaosQueryEditor';
import { FaultlineQuery } from '../types';

// jsdom has no canvas; the combobox measures its option labels with one.
beforeAll(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' }) as unknown as CanvasRenderingContext2D);
});

type AnnotationProps = React.ComponentProps<typeof ChaosAnnotationEditor>;
type QueryProps = React.ComponentProps<typeof ChaosQueryEditor>;

describe('ChaosAnnotationEditor', () => {
  it('starts from the default filter and commits an edited field as an experiments query', () => {
    const onChange = jest.fn();
    render(<ChaosAnnotationEditor {...({ query: undefined, onChange, onRunQuery: jest.fn(), datasource: {} } as unknown as AnnotationProps)} />);
    const service = screen.getByPlaceholderText('$service: runs that targeted it') as HTMLInputElement;
    expect(service.value).toBe('$service');
    fireEvent.blur(service, { target: { value: 'payments,checkout' } });
    expect(onChange).toHaveBeenCalledWith({ queryType: 'experiments', chaos: { service: 'payments,checkout' } });
  });
});

describe('ChaosQueryEditor', () => {
  it('commits a label selector on blur and runs the query once', () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    const query: FaultlineQuery = { refId: 'A', queryType: 'experiments', chaos: { service: '$service' } };
    render(<ChaosQueryEditor {...({ query, onChange, onRunQuery, datasource: {} } as unknown as QueryProps)} />);
    const labels = screen.getByPlaceholderText('team=payments,env!=dev');
    fireEvent.blur(labels, { target: { value: 'team=payments' } });
    expect(onChange).toHaveBeenCalledWith({ ...query, chaos: { service: '$service', labelSelector: 'team=payments' } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});
