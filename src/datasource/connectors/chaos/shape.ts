import { BadResponseError } from '../../../model/errors';

/** The body must be a JSON array; anything else is a clear error naming the endpoint. */
export function expectArray<T>(body: unknown, where: string, endpoint: string): T[] {
  if (!Array.isArray(body)) {
    throw new BadResponseError(`${endpoint} answered ${describe(body)} instead of a list`, where);
  }
  return body.filter((x): x is T => x !== null && typeof x === 'object');
}

export function expectObject(body: unknown, where: string, endpoint: string): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadResponseError(`${endpoint} answered ${describe(body)} instead of an object`, where);
  }
  return body as Record<string, unknown>;
}

function describe(body: unknown): string {
  return body === null ? 'null' : Array.isArray(body) ? 'a list' : typeof body === 'object' ? 'an object' : `a ${typeof body}`;
}
