import type { LayoutMessage, LayoutRequest } from './types';

// A browser whose Content-Security-Policy refuses blob: workers still constructs the Worker and
// then fires `error` on it (Chromium: "Creating a worker from 'blob:…' violates … worker-src").
class RefusedWorker {
  static created = 0;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  terminated = false;
  constructor() {
    RefusedWorker.created++;
    setTimeout(() => this.onerror?.(new Event('error', { cancelable: true })), 0);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

const request = (id: number): LayoutRequest => ({
  type: 'layout',
  id,
  input: { n: 3, sources: Int32Array.from([0, 1]), targets: Int32Array.from([1, 2]), mode: 'auto' },
});

/** Posts one request as useLayout does (its buffers transferred) and waits for the answer. */
function layOut(worker: ReturnType<typeof import('./createLayoutWorker').createLayoutWorker>, id: number) {
  return new Promise<LayoutMessage>((resolve) => {
    worker.onmessage = (ev) => resolve(ev.data);
    const r = request(id);
    worker.postMessage(r, [r.input.sources.buffer, r.input.targets.buffer]);
    // What a transfer does to the sender's copy: the worker owns the buffers now.
    r.input.sources = new Int32Array(0);
    r.input.targets = new Int32Array(0);
  });
}

describe('createLayoutWorker', () => {
  beforeEach(() => {
    jest.resetModules();
    RefusedWorker.created = 0;
    Object.assign(global.URL, { createObjectURL: () => 'blob:layout' });
  });
  afterEach(() => {
    delete (global as { Worker?: unknown }).Worker;
  });

  it('lays the graph out on the main thread when the page refuses the Blob worker', async () => {
    (global as { Worker?: unknown }).Worker = RefusedWorker;
    const { createLayoutWorker } = await import('./createLayoutWorker');
    const m = await layOut(createLayoutWorker(), 7);
    expect(m.type).toBe('done');
    expect(m.id).toBe(7);
    const positions = m.type === 'done' ? Array.from(m.output.positions) : [];
    expect(positions).toHaveLength(6);
    expect(positions.every(Number.isFinite)).toBe(true);
    // The refusal is remembered: the next layout does not try (and get reported) again.
    await layOut(createLayoutWorker(), 8);
    expect(RefusedWorker.created).toBe(1);
  });

  it('lays out on the main thread where there is no Worker at all', async () => {
    const { createLayoutWorker } = await import('./createLayoutWorker');
    const m = await layOut(createLayoutWorker(), 3);
    expect(m).toMatchObject({ type: 'done', id: 3 });
  });

  it('answers nothing after it was terminated', async () => {
    const { MainThreadLayout } = await import('./createLayoutWorker');
    const worker = new MainThreadLayout();
    const seen: LayoutMessage[] = [];
    worker.onmessage = (ev) => seen.push(ev.data);
    worker.postMessage(request(1));
    worker.terminate();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
  });
});
