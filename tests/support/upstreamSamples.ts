import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real files from the upstream projects (Backstage examples, Chaos Toolkit journals, Litmus
 * manifests) in ../shared/upstream-samples, which sits beside this repository's own checkouts only.
 * On any other clone the tests that read them skip and say why.
 */
export const UPSTREAM_SAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream-samples');
export const HAS_UPSTREAM_SAMPLES = existsSync(UPSTREAM_SAMPLES);
const REASON = `skipped: ${UPSTREAM_SAMPLES} is absent (it sits beside this repository's own checkouts only)`;

export function upstreamText(relative: string): string {
  return readFileSync(path.join(UPSTREAM_SAMPLES, relative), 'utf8');
}

export function upstreamJson<T = unknown>(relative: string): T {
  return JSON.parse(upstreamText(relative)) as T;
}

let told = false;
function tellOnce(): void {
  if (!told) {
    told = true;
    // eslint-disable-next-line no-console -- the reason must show in a plain `npm test` run
    console.warn(`upstream samples ${REASON}`);
  }
}

/** `it`, or, without the samples, a skipped test whose name gives the reason. */
export function itUpstream(name: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (HAS_UPSTREAM_SAMPLES) {
    it(name, fn, timeout);
  } else {
    tellOnce();
    it.skip(`${name} (${REASON})`, () => undefined);
  }
}

/** `it.each` over rows of sample files, skipped the same way without them. */
export function eachUpstream(table: string[][]) {
  return (name: string, fn: (...row: string[]) => unknown) => {
    if (HAS_UPSTREAM_SAMPLES) {
      it.each(table)(name, (...row: string[]) => {
        fn(...row);
      });
    } else {
      tellOnce();
      it.skip(`${name} (${REASON})`, () => undefined);
    }
  };
}

/** Values read from the samples at load time, or `fallback` when they are absent. */
export function whenUpstream<T>(read: () => T, fallback: T): T {
  return HAS_UPSTREAM_SAMPLES ? read() : fallback;
}
