import { renderHook, waitFor } from '@testing-library/react';
import { readFlowFrames } from '../graph/readFrames';
import { syntheticFrames } from '../testkit/synthetic';
import { MainThreadLayout } from '../layout/createLayoutWorker';
import { useLayout } from './useLayout';

const graphOf = (n: number) => readFlowFrames(syntheticFrames({ nodes: n, seed: 9 })).graph;
// jsdom has no Worker: the main-thread stand-in runs the same layout code.
const noWorker = () => new MainThreadLayout();

describe('useLayout', () => {
  it('keeps every known node in place when a refresh brings one more', async () => {
    const { result, rerender } = renderHook(({ g }) => useLayout(g, 'auto', undefined, noWorker), {
      initialProps: { g: graphOf(200) },
    });
    await waitFor(() => expect(result.current.running).toBe(false));
    expect(result.current.engine).toBe('layered');
    const before = new Map(
      graphOf(200).nodes.map((n, i) => [n.id, [result.current.positions![2 * i], result.current.positions![2 * i + 1]]])
    );
    const next = graphOf(201); // same seed: the first 200 nodes are the same services
    rerender({ g: next });
    await waitFor(() => expect(result.current.running).toBe(false));
    expect(result.current.engine).toBe('incremental');
    const moved = next.nodes.filter((n, i) => {
      const b = before.get(n.id);
      return b && (b[0] !== result.current.positions![2 * i] || b[1] !== result.current.positions![2 * i + 1]);
    });
    expect(moved).toEqual([]);
    expect(result.current.notice).toBeUndefined();
  });

  it('starts afresh when the layout mode changes', async () => {
    const g = graphOf(150);
    const { result, rerender } = renderHook(({ mode }) => useLayout(g, mode, undefined, noWorker), {
      initialProps: { mode: 'auto' as 'auto' | 'force' },
    });
    await waitFor(() => expect(result.current.engine).toBe('layered'));
    rerender({ mode: 'force' });
    await waitFor(() => expect(result.current.engine).toBe('force'));
  });

  it('lays out afresh in group bands when grouping is switched on', async () => {
    const g = graphOf(120);
    const keys = g.nodes.map((n) => n.team);
    const { result, rerender } = renderHook(({ by }) => useLayout(g, 'auto', { by, keys }, noWorker), {
      initialProps: { by: 'none' as 'none' | 'team' },
    });
    await waitFor(() => expect(result.current.running).toBe(false));
    const plain = result.current.positions!;
    rerender({ by: 'team' });
    await waitFor(() => expect(result.current.running).toBe(false));
    // kept positions would have placed nobody anew (incremental) and kept the overlapping boxes
    expect(result.current.engine).toBe('layered');
    expect(result.current.positions).not.toEqual(plain);
  });
});
