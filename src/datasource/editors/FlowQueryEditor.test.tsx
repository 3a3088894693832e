import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { EditorProps } from './types';
import { FaultlineQuery } from '../types';
import { FlowQueryEditor } from './FlowQueryEditor';

function setup(query: Partial<FaultlineQuery>) {
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const props = { query: { refId: 'A', queryType: 'flows', ...query }, onChange, onRunQuery } as unknown as EditorProps;
  render(<FlowQueryEditor {...props} />);
  return { onChange, onRunQuery };
}

describe('FlowQueryEditor', () => {
  // jsdom has no canvas; Combobox measures its option labels with one.
  beforeAll(() => {
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(
        () =>
          ({ measureText: (t: string) => ({ width: t.length * 7 }), font: '' }) as unknown as CanvasRenderingContext2D
      );
  });

  it('asks custom PromQL and its labels only for the custom preset, matchers otherwise', () => {
    setup({ flows: { preset: 'custom' } });
    expect(screen.getByText('PromQL')).toBeInTheDocument();
    expect(screen.getByText('Source label')).toBeInTheDocument();
    expect(screen.queryByText('Matchers')).not.toBeInTheDocument();
  });

  it('shows the diff threshold once a comparison is set, and commits it as a number', () => {
    const { onChange, onRunQuery } = setup({ flows: { preset: 'beyla', compareWith: '1d' } });
    const input = screen.getByPlaceholderText('0.5 (= 50 %)');
    fireEvent.blur(input, { target: { value: '0.25' } });
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({
        flows: expect.objectContaining({ preset: 'beyla', compareWith: '1d', diffThreshold: 0.25 }),
      })
    );
    expect(onRunQuery).toHaveBeenCalled();
  });

  it('has no threshold without a comparison', () => {
    setup({ flows: { preset: 'servicegraph' } });
    expect(screen.queryByPlaceholderText('0.5 (= 50 %)')).not.toBeInTheDocument();
    expect(screen.getByText('Matchers')).toBeInTheDocument();
  });

  it('commits a chaos run to measure with the flows as they are, and runs the query', () => {
    const { onChange, onRunQuery } = setup({ flows: { preset: 'istio', matchers: 'ns="shop"' } });
    fireEvent.blur(screen.getByPlaceholderText('$run'), { target: { value: ' run-7 ' } });
    expect(onChange).toHaveBeenCalledWith(
      expect.objectContaining({
        flows: expect.objectContaining({ preset: 'istio', matchers: 'ns="shop"' }),
        impact: { runId: 'run-7' },
      })
    );
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });
});
