/**
 * Free loopback ports for the demo parts a test starts, in the shape of demo/PORTS.md: one port
 * per demo service and per fault proxy, and one for each single backend named, so a test never
 * collides with a running `npm run demo`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proc = require('../../scripts/lib/processes.js') as { freePorts: (n: number) => Promise<number[]> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICES } = require('../../demo/services/topology.js') as { SERVICES: string[] };

type PerService = Record<string, number>;

/** All ports are chosen at once, so no two parts of one test's demo get the same port. */
export async function freeDemoPorts<K extends string>(
  singles: K[]
): Promise<{ services: PerService; faultProxies: PerService } & Record<K, number>> {
  const ports = await proc.freePorts(2 * SERVICES.length + singles.length);
  const take = (names: string[]) => Object.fromEntries(names.map((n) => [n, ports.shift()!]));
  return { services: take(SERVICES), faultProxies: take(SERVICES), ...take(singles) } as {
    services: PerService;
    faultProxies: PerService;
  } & Record<K, number>;
}
