import { HttpClient } from '../http/client';
import { Transport } from '../http/transport';
import { FaultlineOptions } from '../types';

export interface Probe {
  /** Human name, as used in messages. */
  name: string;
  /** Returns a one-line success message, or throws a FaultlineError saying what is wrong. */
  run: () => Promise<string>;
}

export type ProbeFactory = (settings: FaultlineOptions, transport: Transport) => Probe[];

/** Builds a probe that GETs one JSON endpoint and checks the body with `accept`. */
export function jsonProbe(
  name: string,
  client: HttpClient,
  req: Parameters<HttpClient['getJson']>[0],
  accept: (body: unknown) => string
): Probe {
  return { name, run: async () => accept(await client.getJson(req)) };
}
