import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { EditorProps } from './types';
import { FaultlineQuery } from '../types';
import { DriftQueryEditor } from './DriftQueryEditor';
import { FlowQueryEditor } from './FlowQueryEditor';
import { ImpactQueryEditor } from './ImpactQueryEditor';

function setup(Editor: React.ComponentType<EditorProps>, query: Partial<FaultlineQuery>) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const props = { query: { refId: 'A', ...query }, onChange, onRunQuery } as unknown as EditorProps;
  render(<Editor {...props} />);
  return { onChange, onRunQuery };
}

// jsdom has no canvas; Combobox measures its option labels with one.
beforeAll(() => {
  jest
    .spyOn(HTMLCanvasElement.prototype, 'getContext')
    .mockImplementation(
      () => ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' }) as unknown as CanvasRenderingContext2D
    );
});

const field = (placeholder: string) => screen.getByPlaceholderText(placeholder) as HTMLInputElement;

describe('ImpactQueryEditor', () => {
  it('sets the run, hops, baseline and rate window, keeping the chaos filter, and runs the query', () => {
    const { onChange, onRunQuery } = setup(ImpactQueryEditor, {
      queryType: 'impact',
      chaos: { service: '$service' },
      impact: { runId: '$run' },
    });
    expect(field('$run').value).toBe('$run');
    fireEvent.blur(field('2'), { target: { value: '3' } });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ impact: { runId: '$run', hops: 3 }, chaos: { service: '$service' } })
    );
    fireEvent.blur(field('as long as the run'), { target: { value: '10m' } });
    expect(onChange.mock.lastCall[0].impact).toEqual({ runId: '$run', baseline: '10m' });
    fireEvent.blur(field('1m'), { target: { value: '30s' } });
    expect(onChange.mock.lastCall[0].impact).toEqual({ runId: '$run', rateWindow: '30s' });
    expect(onRunQuery).toHaveBeenCalledTimes(3);
  });

  it('leaves hops to the default when the field is not a whole number', () => {
    const { onChange } = setup(ImpactQueryEditor, { queryType: 'impact', impact: { hops: 1 } });
    fireEvent.blur(field('2'), { target: { value: '1.5' } });
    expect(onChange.mock.lastCall[0].impact).toEqual({ hops: undefined });
  });

  it('filters the runs with the chaos filter', () => {
    const { onChange } = setup(ImpactQueryEditor, { queryType: 'impact' });
    fireEvent.blur(field('$service: runs that targeted it'), { target: { value: 'payments' } });
    expect(onChange.mock.lastCall[0].chaos).toEqual({ service: 'payments' });
  });
});

describe('the flow query’s impact of a run', () => {
  it('asks the windows only once a run is named', () => {
    setup(FlowQueryEditor, { queryType: 'flows' });
    expect(screen.getByText('Impact of run')).toBeInTheDocument();
    expect(screen.queryByText('Baseline')).not.toBeInTheDocument();
  });

  it('names the run on the flow query, keeping its flows', () => {
    const { onChange } = setup(FlowQueryEditor, { queryType: 'flows', flows: { preset: 'hubble' } });
    fireEvent.blur(field('$run'), { target: { value: '$run' } });
    expect(onChange.mock.lastCall[0]).toMatchObject({ impact: { runId: '$run' }, flows: { preset: 'hubble' } });
  });
});

describe('DriftQueryEditor', () => {
  it('switches between each gap and counts per team', () => {
    const { onChange, onRunQuery } = setup(DriftQueryEditor, { queryType: 'drift', flows: { preset: 'istio' } });
    fireEvent.click(screen.getByLabelText('Per team'));
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ drift: { by: 'team' }, flows: expect.objectContaining({ preset: 'istio' }) })
    );
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});
