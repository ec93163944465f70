import { badInput } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Malformed ids are simply not found; they never reach SQL as a type error. */
export const isUuid = (value: string) => UUID.test(value);

/** The keyset cursor of a list ordered newest first by (created_at, id), as each list hands back in endCursor. */
export const createdCursor = (row: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

/** The (created_at, id) of a `createdCursor` passed as `after`; BAD_USER_INPUT for anything else. */
export function decodeCreatedCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at)) && isUuid(id)) return [at, id];
  } catch {
    // not a cursor of ours
  }
  throw badInput('after', 'after must be a cursor returned by this API (pageInfo.endCursor)');
}
