/**
 * Every failure Faultline reports on purpose is a FaultlineError, so callers can tell a backend
 * problem (shown to the user as is) from a programming error (a bug).
 */
export class FaultlineError extends Error {
  constructor(
    message: string,
    /** Which backend or part failed, e.g. "Backstage catalog". */
    readonly where: string,
    readonly status?: number
  ) {
    super(`${where}: ${message}`);
    this.name = 'FaultlineError';
  }
}

/** The backend could not be reached at all (connection refused, DNS, proxy error). */
export class UnreachableError extends FaultlineError {
  override name = 'UnreachableError';
}
/** The backend answered 401 or 403. */
export class AuthError extends FaultlineError {
  override name = 'AuthError';
}
/** The backend did not answer within the configured timeout. */
export class TimeoutError extends FaultlineError {
  override name = 'TimeoutError';
}
/** The backend answered, but not with what we can read (HTML login page, truncated JSON, wrong shape). */
export class BadResponseError extends FaultlineError {
  override name = 'BadResponseError';
}
/** The backend answered with an error of its own (PromQL error, GraphQL errors, 4xx/5xx). */
export class BackendError extends FaultlineError {
  override name = 'BackendError';
}
/** The user's input (query, filter expression, configuration) cannot be used. */
export class InputError extends FaultlineError {
  override name = 'InputError';
}

export function isFaultlineError(e: unknown): e is FaultlineError {
  return e instanceof FaultlineError;
}
