import fc from 'fast-check';
import { FaultlineError } from '../../../src/model/errors';

/** Cases per property: a bounded number in CI, FUZZ_RUNS=20000 in `npm run test:fuzz`. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 300);
/** Jest's time budget per property, scaled with the number of cases (a budget, not an assertion). */
// A bound, not a measure: on two shared cores the YAML cases of the default run took over a minute.
export const FUZZ_TIMEOUT_MS = Math.max(180_000, FUZZ_RUNS * 150);
/** A single case taking longer than this counts as a hang. */
const HANG_MS = 20_000;

export interface FuzzCount {
  cases: number;
  /** Cases the code refused with a FaultlineError (a readable error, which is allowed). */
  refused: number;
  /** The property failed (the cases include the shrinking runs). */
  failed?: boolean;
}

const counts = new Map<string, FuzzCount>();

/**
 * Checks that `run` never throws anything but a FaultlineError, never hangs, and that `check`
 * (a frame-schema validator) accepts whatever it returns. Counts the cases tried for the summary.
 */
export async function fuzz<T, R>(
  name: string,
  arb: fc.Arbitrary<T>,
  run: (input: T) => R | Promise<R>,
  check: (output: R, input: T) => void = () => undefined,
  runs = FUZZ_RUNS
): Promise<FuzzCount> {
  const count: FuzzCount = { cases: 0, refused: 0 };
  const property = fc.asyncProperty(arb, async (input) => {
    count.cases++;
    let output: R;
    try {
      output = await withHangGuard(() => run(input));
    } catch (e) {
      if (e instanceof FaultlineError) {
        count.refused++;
        // A readable error must still name where it happened.
        if (!e.where || !e.message.startsWith(e.where)) {
          throw new Error(`FaultlineError without a location: ${e.message}`);
        }
        return;
      }
      throw e;
    }
    check(output, input);
  });
  const details = await fc.check(property, { numRuns: runs, seed: seedFromEnv() });
  const prev = counts.get(name) ?? { cases: 0, refused: 0 };
  counts.set(name, {
    cases: prev.cases + count.cases,
    refused: prev.refused + count.refused,
    failed: details.failed || prev.failed,
  });
  if (details.failed) {
    const err = details.errorInstance as Error | undefined;
    const example = JSON.stringify(details.counterexample?.[0]) ?? 'undefined';
    throw new Error(
      `${name}: ${err?.name ?? 'Error'}: ${err?.message ?? 'failed'}\n` +
        `after ${details.numRuns} cases (seed ${details.seed}, path "${details.counterexamplePath}"; rerun with FUZZ_SEED=${details.seed})\n` +
        `counterexample (shrunk): ${example.length > 3000 ? `${example.slice(0, 3000)}…` : example}\n${err?.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`
    );
  }
  return count;
}

async function withHangGuard<R>(fn: () => R | Promise<R>): Promise<R> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not terminate within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(fn), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function seedFromEnv(): number | undefined {
  const s = Number(process.env.FUZZ_SEED);
  return Number.isInteger(s) ? s : undefined;
}

/** One line per suite: the figure the issue asks for. */
export function printFuzzSummary(suite: string): void {
  const parts = [...counts.entries()].map(
    ([name, c]) => `${name} ${c.cases} cases (${c.refused} refused with a FaultlineError)${c.failed ? ' FAILED' : ''}`
  );
  const total = [...counts.values()].reduce((n, c) => n + c.cases, 0);
  console.log(`FUZZ SUMMARY ${suite}: ${total} cases; ${parts.join('; ')}`);
}

/** Registers the summary line for the suite. */
export function fuzzSummaryAfterAll(suite: string): void {
  afterAll(() => printFuzzSummary(suite));
}
