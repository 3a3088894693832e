import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getDefaultTimeRange, LoadingState, type PanelProps } from '@grafana/data';
import { FlowGraphPanel } from './FlowGraphPanel';
import { syntheticFrames } from './testkit/synthetic';
import { DEFAULT_OPTIONS, type FlowGraphOptions } from './types';

// flatbush ships ESM only and jest here does not transform it: load its own UMD build instead.
jest.mock('flatbush', () =>
  jest.requireActual(require('path').resolve(__dirname, '../../../node_modules/flatbush/flatbush.js'))
);

function props(
  series = syntheticFrames({ nodes: 120, seed: 5 }),
  options: Partial<FlowGraphOptions> = {}
): PanelProps<FlowGraphOptions> {
  return {
    data: { series, state: LoadingState.Done, timeRange: getDefaultTimeRange() },
    options: { ...DEFAULT_OPTIONS, ...options },
    width: 800,
    height: 500,
  } as unknown as PanelProps<FlowGraphOptions>;
}

const summary = () => screen.getByTestId('faultline-flowgraph-summary');

beforeAll(() => {
  // jsdom has no canvas; the panel must still lay out and describe the map.
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

describe('FlowGraphPanel', () => {
  it('lays out (on the main thread, jsdom has no workers) and describes the map', async () => {
    render(<FlowGraphPanel {...props()} />);
    await waitFor(() => expect(summary().dataset.engine).toBe('layered'));
    expect(summary().dataset.nodes).toBe('120');
    expect(summary().dataset.overlay).toBe('chaos');
    expect(summary().textContent).toMatch(/chaos: 1 targets, \d+ upstream, \d+ downstream/);
    // Laying out without a worker is no problem of the user's: nothing to say about it.
    expect(screen.queryByTestId('faultline-flowgraph-notices')).toBeNull();
    expect(screen.getByTestId('faultline-flowgraph-legend').textContent).toContain('chaos target (1)');
  });

  it('searches, filters and reports a bad filter', async () => {
    render(<FlowGraphPanel {...props()} />);
    await waitFor(() => expect(summary().dataset.engine).not.toBe(''));
    fireEvent.change(screen.getByLabelText('Search nodes'), { target: { value: 'svc-11' } });
    expect(summary().dataset.matches).toBe('11'); // svc-11, svc-110..119
    fireEvent.change(screen.getByLabelText('Filter expression'), { target: { value: 'team=payments' } });
    const shown = Number(summary().dataset.nodes);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(120);
    fireEvent.change(screen.getByLabelText('Filter expression'), { target: { value: 'bytes>lots' } });
    expect(screen.getByTestId('faultline-flowgraph-notices').textContent).toContain('needs a number');
    expect(summary().dataset.nodes).toBe('120');
  });

  it('groups by team and switches overlays', async () => {
    render(<FlowGraphPanel {...props(undefined, { groupBy: 'team' })} />);
    await waitFor(() => expect(Number(summary().dataset.groups)).toBeGreaterThan(1));
    act(() => {
      fireEvent.click(screen.getByLabelText('Cost'));
    });
    expect(summary().dataset.overlay).toBe('cost');
    expect(summary().textContent).toMatch(/cost: \$[\d.]+K? total over \d+ cross-zone edges/);
  });

  it('says what is wrong with data it cannot draw', () => {
    render(<FlowGraphPanel {...props([])} />);
    expect(screen.getByTestId('faultline-flowgraph-empty').textContent).toContain('the query returned no frames');
  });
});
