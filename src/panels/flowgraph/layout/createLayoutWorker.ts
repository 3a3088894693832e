import { computeLayout } from './engine';
import type { LayoutMessage, LayoutRequest } from './types';
import { LAYOUT_WORKER_SOURCE } from './workerSource.generated';

/** What useLayout needs of a worker: a real Web Worker has it, and so has the main-thread stand-in. */
export interface LayoutWorker {
  onmessage: ((ev: MessageEvent<LayoutMessage>) => void) | null;
  postMessage(request: LayoutRequest, transfer: Transferable[]): void;
  terminate(): void;
}

let url: string | undefined;
// Once a Content-Security-Policy refused the Blob worker, every later layout on this page runs here,
// so the browser reports the refusal once rather than on every refresh.
let blobWorkersRefused = false;

/**
 * A layout worker from a Blob URL, so it loads from any public path or CDN (see
 * buildWorkerSource.mjs). Where workers cannot start (no Worker, or a Content-Security-Policy whose
 * worker-src / script-src leaves out blob:), the same layout runs on the main thread instead.
 */
export function createLayoutWorker(): LayoutWorker {
  if (blobWorkersRefused || typeof Worker === 'undefined') {
    return new MainThreadLayout();
  }
  try {
    url ??= URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' }));
    return new FallibleWorker(new Worker(url, { name: 'faultline-flowgraph-layout' }));
  } catch {
    // Older engines throw a SecurityError right here when the policy refuses blob: workers.
    blobWorkersRefused = true;
    return new MainThreadLayout();
  }
}

/**
 * Runs the layout engine on the main thread, after the current task, and answers as the worker
 * would. One layout blocks the thread while it runs: the price of a page that allows no workers.
 */
export class MainThreadLayout implements LayoutWorker {
  onmessage: ((ev: MessageEvent<LayoutMessage>) => void) | null = null;
  private timers: Array<ReturnType<typeof setTimeout>> = [];
  private terminated = false;

  postMessage({ id, input }: LayoutRequest): void {
    const timer = setTimeout(() => {
      const t0 = performance.now();
      let m: LayoutMessage;
      try {
        m = { type: 'done', id, output: computeLayout(input), ms: performance.now() - t0 };
      } catch (e) {
        m = { type: 'error', id, message: e instanceof Error ? e.message : String(e) };
      }
      this.deliver(m);
    }, 0);
    this.timers.push(timer);
  }

  terminate(): void {
    this.terminated = true;
    this.timers.forEach(clearTimeout);
  }

  private deliver(data: LayoutMessage): void {
    if (!this.terminated) {
      this.onmessage?.(new MessageEvent('message', { data }));
    }
  }
}

/**
 * A Blob worker that hands its requests to the main thread if it fails to start. A refused worker
 * does not throw in current browsers: it fires `error` before it has answered anything. Requests are
 * kept (copied, since posting transfers their buffers) until the worker has answered once.
 */
class FallibleWorker implements LayoutWorker {
  onmessage: ((ev: MessageEvent<LayoutMessage>) => void) | null = null;
  private unconfirmed: LayoutRequest[] = [];
  private fallback?: MainThreadLayout;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (ev: MessageEvent<LayoutMessage>) => {
      this.unconfirmed = [];
      this.onmessage?.(ev);
    };
    worker.onerror = (ev) => {
      if (this.fallback || this.unconfirmed.length === 0) {
        return;
      }
      ev.preventDefault();
      blobWorkersRefused = true;
      worker.terminate();
      this.fallback = new MainThreadLayout();
      this.fallback.onmessage = (m) => this.onmessage?.(m);
      this.unconfirmed.forEach((r) => this.fallback!.postMessage(r));
      this.unconfirmed = [];
    };
  }

  postMessage(request: LayoutRequest, transfer: Transferable[]): void {
    if (this.fallback) {
      this.fallback.postMessage(request);
      return;
    }
    this.unconfirmed.push(copyRequest(request));
    this.worker.postMessage(request, transfer);
  }

  terminate(): void {
    this.worker.terminate();
    this.fallback?.terminate();
  }
}

function copyRequest({ type, id, input }: LayoutRequest): LayoutRequest {
  return {
    type,
    id,
    input: {
      ...input,
      sources: input.sources.slice(),
      targets: input.targets.slice(),
      seed: input.seed?.slice(),
      groups: input.groups?.slice(),
    },
  };
}
