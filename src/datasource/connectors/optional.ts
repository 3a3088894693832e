import { isFaultlineError } from '../../model';

export interface Notice {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

/**
 * Loads a source the answer can do without (owners, chaos runs, a comparison range). A backend that
 * fails is a `FaultlineError` and becomes a warning: the rest of the answer still loads. Anything
 * else is a bug in this code, and is thrown so that it is seen rather than hidden in a notice.
 */
export async function optional<T>(notices: Notice[], what: string, load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (e) {
    if (!isFaultlineError(e)) {
      throw e;
    }
    notices.push({ severity: 'warning', text: `${what}: ${e.message}` });
    return undefined;
  }
}
