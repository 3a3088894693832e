import { LAYOUT_WORKER_SOURCE } from './workerSource.generated';

let url: string | undefined;

/** One line for callers; a Blob URL so it loads from any public path or CDN (see buildWorkerSource.mjs). */
export function createLayoutWorker(): Worker {
  url ??= URL.createObjectURL(new Blob([LAYOUT_WORKER_SOURCE], { type: 'text/javascript' }));
  return new Worker(url, { name: 'faultline-flowgraph-layout' });
}
