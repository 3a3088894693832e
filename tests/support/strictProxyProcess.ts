/**
 * Starts tests/support/strictProxy.mjs (the preview's data proxy, as strict as Grafana's, with the
 * routes of src/datasource/plugin.json) as a process of its own on a free port.
 */
import path from 'node:path';

// CommonJS shared with the demo and browser tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort, httpReady, startProcess } = require('../../scripts/lib/processes');

export interface StrictProxy {
  /** `http://127.0.0.1:<port>/api/datasources/proxy/uid`: add `/<uid>` for a data source. */
  instance: string;
  stop: () => Promise<void>;
}

export async function startStrictProxy(datasources: unknown[]): Promise<StrictProxy> {
  const port = await freePort();
  const instance = `http://127.0.0.1:${port}/api/datasources/proxy/uid`;
  const proxy = await startProcess({
    name: 'strict data proxy',
    cmd: process.execPath,
    args: [path.join(__dirname, 'strictProxy.mjs')],
    env: { FAULTLINE_PROXY_PORT: String(port), FAULTLINE_PROXY_DATASOURCES: JSON.stringify(datasources) },
    ready: () => httpReady(`${instance}/nope/x`),
    timeoutMs: 20000,
  });
  return { instance, stop: () => proxy.stop() };
}
