/**
 * Free loopback ports for the demo parts a test starts, in the shape of demo/PORTS.md: one port
 * per demo service and per fault proxy, and one for each single backend named, so a test never
 * collides with a running `npm run demo`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proc = require('../../scripts/lib/processes.js') as { freePort: () => Promise<number> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICES } = require('../../demo/services/topology.js') as { SERVICES: string[] };

type PerService = Record<string, number>;

export async function freeDemoPorts<K extends string>(singles: K[]): Promise<{ services: PerService; faultProxies: PerService } & Record<K, number>> {
  const perService = async (): Promise<PerService> => Object.fromEntries(await Promise.all(SERVICES.map(async (n) => [n, await proc.freePort()])));
  const ports: Record<string, number | PerService> = { services: await perService(), faultProxies: await perService() };
  for (const name of singles) {
    ports[name] = await proc.freePort();
  }
  return ports as { services: PerService; faultProxies: PerService } & Record<K, number>;
}
