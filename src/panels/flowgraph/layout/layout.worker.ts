import { computeLayout } from './engine';
import type { LayoutMessage, LayoutRequest } from './types';

/** The layout worker: one request at a time; cancelling means terminating the worker. */
const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(m: LayoutMessage, transfer?: Transferable[]): void;
};

scope.onmessage = (ev) => {
  const { id, input } = ev.data;
  const t0 = performance.now();
  try {
    const output = computeLayout(input, (done) => scope.postMessage({ type: 'progress', id, done }));
    scope.postMessage({ type: 'done', id, output, ms: performance.now() - t0 }, [output.positions.buffer]);
  } catch (e) {
    scope.postMessage({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
};
